-- govsec language server driven by headless Neovim as a second, independent LSP client.
-- Run through run.sh (it sets the environment and wraps nvim in `timeout`):
--   nvim --headless -u NONE -i NONE -n -c 'luafile test.lua'
-- Env: GOVSEC_SERVER  path to bin/govsec-language-server.js (required)
--      GOVSEC_DOC     the Markdown document to open (a scratch copy of doc.md; never written)
--      GOVSEC_OUT     result file: one PASS/FAIL/INFO line per line, written as we go
-- Written for Neovim 0.7 (vim.lsp.start_client + buf_attach_client); uses vim.lsp.start on 0.8+.
-- Gotchas followed (shared/docs/neovim-client.md): xpcall + watchdog + explicit cquit/qall, no swap file,
-- filetype set by hand (-u NONE turns detection off), no nested synchronous waits.

local uv = vim.uv or vim.loop
local t0 = uv.hrtime()
local function ms() return (uv.hrtime() - t0) / 1e6 end

local out_path = os.getenv('GOVSEC_OUT') or 'result.txt'
local out = io.open(out_path, 'w')
local passed, failed = 0, 0
local finished = false

local function log(fmt, ...)
  local line = string.format(fmt, ...)
  if out then out:write(line, '\n'); out:flush() else io.stderr:write(line, '\n') end
end
local function check(cond, what, detail)
  if cond then
    passed = passed + 1
    log('PASS %s', what)
  else
    failed = failed + 1
    log('FAIL %s%s', what, detail and (' -- ' .. tostring(detail)) or '')
  end
  return cond
end

local function finish(err)
  if finished then return end
  finished = true
  if err then
    failed = failed + 1
    log('FAIL script error: %s', tostring(err):gsub('\n', ' | '))
  end
  log('INFO total=%.0fms', ms())
  log('RESULT %d passed, %d failed', passed, failed)
  if out then pcall(function() out:close() end) end
  -- Never let headless nvim hang: leave with an explicit exit status, and never throw from here.
  if failed > 0 then pcall(vim.cmd, 'cquit 1') else pcall(vim.cmd, 'qall!') end
  pcall(vim.cmd, 'cquit 2') -- only reached if the above did not exit
end

-- Watchdog: an uncaught error or a stuck wait would leave `nvim --headless` running forever.
vim.defer_fn(function() finish('watchdog timeout (20 s)') end, 20000)

-- UTF-8 helpers, independent of Neovim's own conversion functions (their signatures differ between versions).
local function utf16_to_byte(line, units)
  local i, u = 1, 0
  while i <= #line and u < units do
    local c = line:byte(i)
    local len = c >= 0xF0 and 4 or c >= 0xE0 and 3 or c >= 0xC0 and 2 or 1
    u = u + (len == 4 and 2 or 1)
    i = i + len
  end
  return i - 1
end

-- Message language checks. A message quotes the terms it is about (「…」, "…") in their own script, so only the
-- unquoted text is checked: Japanese has a Japanese sentence (hiragana, 。 or 、) and no English phrase (three Latin
-- words in a row), English the other way round; mirrors notJapaneseOnly/notEnglishOnly in test/vscode/helpers.ts.
local function unquoted(text)
  return (text:gsub('「.-」', ' '):gsub('"[^"]*"', ' '))
end
local function has_japanese_sentence(text)
  return text:find('\227\129[\129-\191]') or text:find('\227\130[\128-\159]') or text:find('。', 1, true)
    or text:find('、', 1, true)
end
local function english_phrase(text)
  return text:match('%a%a+[%s%-]+%a%a+[%s%-]+%a%a+')
end
local function not_japanese_only(message)
  local rest = unquoted(message)
  if not has_japanese_sentence(rest) then return 'no Japanese sentence' end
  local phrase = english_phrase(rest)
  return phrase and ('English phrase "' .. phrase .. '"') or nil
end
local function not_english_only(message)
  local rest = unquoted(message)
  if not english_phrase(rest) then return 'no English phrase' end
  return has_japanese_sentence(rest) and 'a Japanese sentence outside quotes' or nil
end

local function main()
  local server = assert(os.getenv('GOVSEC_SERVER'), 'GOVSEC_SERVER not set')
  local doc = vim.fn.fnamemodify(assert(os.getenv('GOVSEC_DOC'), 'GOVSEC_DOC not set'), ':p')
  log('INFO nvim %s, server %s', tostring(vim.version and vim.version() and
    string.format('%d.%d.%d', vim.version().major, vim.version().minor, vim.version().patch) or '?'), server)

  vim.o.swapfile = false
  vim.cmd('edit ' .. vim.fn.fnameescape(doc))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown' -- -u NONE: no detection; the filetype is sent as languageId
  local function line_of(lnum) return vim.api.nvim_buf_get_lines(bufnr, lnum - 1, lnum, true)[1] end

  local attached = false
  local config = {
    name = 'govsec',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(doc, ':h'),
    on_attach = function() attached = true end,
    flags = { exit_timeout = 1000 },
  }
  local client_id
  if vim.lsp.start then -- 0.8+: starts (or reuses) and attaches to the current buffer
    client_id = vim.lsp.start(config)
  else                  -- 0.7
    client_id = vim.lsp.start_client(config)
    if client_id then vim.lsp.buf_attach_client(bufnr, client_id) end
  end
  if not check(client_id ~= nil, 'language server started') then return end
  if not check(vim.wait(10000, function() return attached end, 10), 'client attached (initialize done, didOpen sent)') then
    return
  end
  local client = vim.lsp.get_client_by_id(client_id)
  local encoding = client.offset_encoding or 'utf-16'
  log('INFO offset_encoding=%s attached after %.0fms', encoding, ms())

  -- Diagnostics pushed after didOpen --------------------------------------------------------------------------
  local function find_diag(rule)
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if code == rule then return d end
    end
  end
  local function covered(d)
    if d.lnum ~= (d.end_lnum or d.lnum) then return nil end
    return vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, true)[1]:sub(d.col + 1, d.end_col)
  end
  check(vim.wait(5000, function() return find_diag('term/variant') ~= nil end, 10), 'diagnostics arrived')
  local variant = find_diag('term/variant')
  if variant then
    local text = covered(variant)
    log('INFO term/variant lnum=%d col=%d end_col=%d (bytes) covers=%q msg=%q', variant.lnum, variant.col,
      variant.end_col, tostring(text), variant.message)
    -- Neovim sends no locale in initialize and run.sh sets LANG=C.UTF-8: the server speaks English.
    local why = not_english_only(variant.message)
    check(why == nil and variant.message:find('ガバメントクラウド', 1, true) ~= nil,
      'term/variant message is English only (no locale from Neovim, LANG=C.UTF-8) and names ガバメントクラウド',
      why and (why .. ': ' .. variant.message) or variant.message)
    check(variant.lnum == 2 and text == 'ガバクラ', 'term/variant diagnostic byte range covers exactly ガバクラ',
      string.format('lnum=%d text=%q', variant.lnum, tostring(text)))
  else
    check(false, 'term/variant diagnostic byte range covers exactly ガバクラ', 'no term/variant diagnostic')
  end
  local deprecated = find_diag('term/deprecated')
  check(deprecated ~= nil and covered(deprecated) == '政府共通ネットワーク',
    'term/deprecated diagnostic covers 政府共通ネットワーク', deprecated and covered(deprecated) or 'none')

  -- Hover helper: cursor on byte `byte_in_needle` of `needle` in line `lnum` (1-based), then textDocument/hover.
  local function hover_at(lnum, needle, byte_in_needle)
    local line = line_of(lnum)
    local s = line:find(needle, 1, true)
    if not s then return nil, 'needle not found: ' .. needle end
    local bytecol = s - 1 + (byte_in_needle or 0)
    vim.api.nvim_win_set_cursor(0, { lnum, bytecol }) -- 1-based row, 0-based byte column
    local params = vim.lsp.util.make_position_params(0, encoding)
    local res, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 3000)
    local r = res and res[client_id]
    local h = {
      sent = params.position, bytecol = bytecol, err = err or (r and r.error and vim.inspect(r.error)),
      responded = r ~= nil, result = r and r.result,
    }
    if h.result == vim.NIL then h.result = nil end
    local contents = h.result and h.result.contents
    h.value = type(contents) == 'table' and (contents.value or '') or (type(contents) == 'string' and contents or '')
    if h.result and h.result.range then
      local rg = h.result.range
      if rg.start.line == rg['end'].line then
        local l = line_of(rg.start.line + 1)
        h.range_text = l:sub(utf16_to_byte(l, rg.start.character) + 1, utf16_to_byte(l, rg['end'].character))
      end
    end
    log('INFO hover %q bytecol=%d sent=%d:%d card=%q range=%q err=%s', needle, bytecol, params.position.line,
      params.position.character, (h.value:match('^[^\n]*') or ''), tostring(h.range_text), tostring(h.err))
    return h
  end

  -- Hover on ガバクラ, cursor on バ (after 𠮷, a UTF-16 surrogate pair).
  local h = hover_at(3, 'ガバクラ', 3)
  check(h and h.value:find('ガバメントクラウド', 1, true) ~= nil, 'hover on ガバクラ (after 𠮷) returns the ガバメントクラウド card',
    h and (h.err or h.value) or 'no response')
  check(h and h.range_text == 'ガバクラ', 'hover range on ガバクラ covers exactly ガバクラ', h and h.range_text)

  h = hover_at(4, '政府共通ネットワーク', 9)
  check(h and h.value:find('政府共通ネットワーク', 1, true) ~= nil, 'hover on 政府共通ネットワーク returns a card',
    h and (h.err or h.value) or 'no response')

  h = hover_at(3, 'ISMAP', 2)
  -- The English card (run.sh: LANG=C.UTF-8): its English name first, then the term and its reading.
  check(h and h.value:match('^%*%*[^*]+%*%* · ISMAP %(') ~= nil, 'hover on ISMAP returns the ISMAP card (English)',
    h and (h.err or h.value))

  h = hover_at(6, '普通の説明文', 3)
  check(h and h.responded and h.err == nil and h.result == nil, 'hover on plain prose returns nothing',
    h and (h.err or vim.inspect(h.result)) or 'no response')

  -- Incremental edits mid-line after multibyte text: '𠮷𠮷' after 本システム (before the existing 𠮷), then
  -- '新しい' right before ガバクラ; the term moves right by 2+2 UTF-16 units / 8 bytes and then 3 units / 9 bytes.
  local l3 = line_of(3)
  local c1 = assert(l3:find('は𠮷', 1, true)) - 1
  vim.api.nvim_buf_set_text(bufnr, 2, c1, 2, c1, { '𠮷𠮷' })
  l3 = line_of(3)
  local c2 = assert(l3:find('ガバクラ', 1, true)) - 1
  vim.api.nvim_buf_set_text(bufnr, 2, c2, 2, c2, { '新しい' })
  l3 = line_of(3)
  log('INFO line 3 after edits: %s', l3)
  local new_col = assert(l3:find('ガバクラ', 1, true)) - 1

  h = hover_at(3, 'ガバクラ', 6) -- on ク
  check(h and h.value:find('ガバメントクラウド', 1, true) ~= nil and h.range_text == 'ガバクラ',
    'hover after incremental edits resolves ガバクラ at its new position',
    h and string.format('card=%q range=%q', h.value:match('^[^\n]*') or '', tostring(h.range_text)) or 'no response')

  -- The re-published diagnostics (client debounce + server debounce) must follow the term as well.
  local moved = vim.wait(5000, function()
    local d = find_diag('term/variant')
    return d ~= nil and d.lnum == 2 and d.col == new_col and covered(d) == 'ガバクラ'
  end, 20)
  local d = find_diag('term/variant')
  check(moved, 'term/variant diagnostic follows ガバクラ after the edits',
    d and string.format('col=%d want %d covers=%q', d.col, new_col, tostring(covered(d))) or 'none')

  -- A second client asks for Japanese the way an editor without a locale in initialize does: govsec.language in
  -- the settings it answers workspace/configuration with, and in initializationOptions.settings for servers that
  -- read them before asking. Its diagnostics land in its own namespace.
  local ja_attached = false
  local ja_config = {
    name = 'govsec-ja',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(doc, ':h'),
    settings = { govsec = { language = 'ja' } },
    init_options = { settings = { language = 'ja' } },
    on_attach = function() ja_attached = true end,
    flags = { exit_timeout = 1000 },
  }
  local ja_id
  if vim.lsp.start then
    ja_id = vim.lsp.start(ja_config)
  else
    ja_id = vim.lsp.start_client(ja_config)
    if ja_id then vim.lsp.buf_attach_client(bufnr, ja_id) end
  end
  if check(ja_id ~= nil and vim.wait(10000, function() return ja_attached end, 10),
      'a second client with govsec.language = ja attached') then
    local ns = vim.lsp.diagnostic.get_namespace(ja_id)
    local ja_variant
    vim.wait(5000, function()
      for _, d in ipairs(vim.diagnostic.get(bufnr, { namespace = ns })) do
        local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
        if code == 'term/variant' then ja_variant = d return true end
      end
      return false
    end, 20)
    if not ja_variant then
      check(false, 'term/variant from the ja client', 'no term/variant diagnostic in its namespace')
    else
      log('INFO ja client term/variant msg=%q', ja_variant.message)
      local why = not_japanese_only(ja_variant.message)
      check(why == nil and ja_variant.message:find('ガバメントクラウド', 1, true) ~= nil,
        'the ja client\'s term/variant message is Japanese only and names ガバメントクラウド',
        why and (why .. ': ' .. ja_variant.message) or ja_variant.message)
    end
  end
end

local ok, err = xpcall(main, debug.traceback)
finish(not ok and err or nil)
