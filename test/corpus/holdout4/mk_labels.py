import sys
L=[
('moj-kintai-chotatsu-shiyosho.md','評価結果の写し','classification/unknown-level','no 機密性4 class (1-3); table cell'),
('moj-kintai-chotatsu-shiyosho.md','A.12.4.1','control/outdated-iso-numbering','2013 number cited against ISO/IEC 27001:2022 (A.8.15)'),
('moj-kintai-chotatsu-shiyosho.md','Netlify','govcloud/unsupported-provider','a system said to be on ガバメントクラウド serves its punch-in screen from Netlify, not a Government Cloud provider'),
('moj-kintai-chotatsu-shiyosho.md','Netlify','ismap/unregistered-service','Netlify used for the system in a ministry procurement spec; no ISMAP registration known'),
('moj-kintai-chotatsu-shiyosho.md','1,000人','privacy/report-threshold','a ministry (行政機関等) reports leaks of more than 100 people, not 1,000'),
('moj-kintai-chotatsu-shiyosho.md','10日以内','privacy/report-deadline','速報 is 速やかに (about 3-5 days), not 10 days'),
('moj-kintai-chotatsu-shiyosho.md','内閣サイバーセキュリティセンター','term/deprecated','国家サイバー統括室 since 2025-07-01'),
('moj-kintai-chotatsu-shiyosho.md','kintai-moj-guide.jp','domain/non-government-domain','the ministry\'s own site (本省の特設サイト) outside go.jp in a procurement spec'),
('city-gc-ikou-keikaku.md','17業務','fact/outdated-count','the standardisation covers 20 業務 (list item)'),
('city-gc-ikou-keikaku.md','ガバクラ','term/variant','write ガバメントクラウド (list item)'),
('city-gc-ikou-keikaku.md','4社','fact/outdated-count','five Government Cloud providers since 2023-11-28'),
('town-incident-tejunsho.md','1,000人','privacy/report-threshold','a 町 (地方公共団体) reports more than 100 people'),
('town-incident-tejunsho.md','60日以内','privacy/report-deadline','確報 is 30 days; 60 only where 不正の目的 is suspected (not in this sentence)'),
('town-incident-tejunsho.md','霞が関WAN','term/deprecated','superseded name (政府共通ネットワーク since 2013, now GSS)'),
('vendor-kaitou-hyou.md','ISMAP認証取得済み','fact/ismap-certification','ISMAP is a registration (table cell)'),
('vendor-kaitou-hyou.md','3年ごと','ismap/renewal-period','valid 1年4か月 after the audited period, not renewed every 3 years (table cell)'),
('vendor-kaitou-hyou.md','SC-52','control/unknown-id','SP 800-53 Rev.5 SC family ends at SC-51'),
('vendor-kaitou-hyou.md','Heroku','govcloud/unsupported-provider','part of a system built on ガバメントクラウド hosted on Heroku (not a Government Cloud provider)'),
('README.md','four providers','fact/outdated-count','five providers since 2023-11-28 (English)'),
('README.md','eu-west-1','govcloud/overseas-region','DR region in Ireland for a ministry system on the Government Cloud (list item)'),
('README.md','ISMAP certified','fact/ismap-certification','ISMAP registers, it does not certify (English list item)'),
('README.md','nisc.go.jp','fact/moved-url','given as the current source; moved to www.cyber.go.jp'),
('kenshu-shiryo-ismap.md','要配慮個人情報を含むメモ','ismap/liu-scope','Sansan (ISMAP-LIU) holding 要配慮個人情報 as current practice (outside the bad-example blocks); finding expected on Sansan, same line'),
('system-profile.yaml','us-west-2','govcloud/overseas-region','YAML profile on ガバメントクラウド with an Oregon region'),
('system-profile.yaml','confidentiality: 4','classification/unknown-level','no 機密性4 (YAML value)'),
('system-profile.yaml','3年ごと','ismap/renewal-period','YAML ismap.renewal'),
('system-profile.yaml','アクセス制御','profile/schema','not a NIST SP 800-53 ID in the nist list'),
('system-profile.yaml','kosodate-kyufu.jp','domain/non-government-domain','a national agency\'s website (YAML website key) outside go.jp'),
('faq-cloud-riyou.md','1週間以内','privacy/report-deadline','速報 is 速やかに (3-5 days), a week is too long; 県 = 行政機関等'),
('faq-cloud-riyou.md','1,000人','privacy/report-threshold','a 県\'s 保有個人情報: 100人 threshold'),
('gijiroku-2026-11-18.md','ガバクラ','term/variant','write ガバメントクラウド (heading)'),
('gijiroku-2026-11-18.md','ISMAP認定','fact/ismap-certification','ISMAP is a registration; 認定 is the same mistake'),
('gijiroku-2026-11-18.md','要配慮個人情報','ismap/liu-scope','Sansan (ISMAP-LIU) to hold 要配慮個人情報, in the line after the one naming it'),
('gijiroku-2026-11-18.md','IR-12','control/unknown-id','SP 800-53 Rev.5 IR family ends at IR-10'),
('zenkaku-security-youken.md','３年','ismap/renewal-period','full-width; validity is 1年4か月 after the audited period'),
('zenkaku-security-youken.md','Ａ．５．３８','control/unknown-id','full-width; 2022 Annex A 5 ends at A.5.37 (cloud is A.5.23)'),
('zenkaku-security-youken.md','機密性４情報','classification/unknown-level','full-width; no 機密性4'),
('joho-shisan-daicho.yaml','integrity: 3','classification/unknown-level','完全性 is 1-2 (YAML classification map)'),
('portal-site-shiyosho.md','chusho-shien-portal.jp','domain/non-government-domain','a national agency portal outside go.jp (URL-only list item under its lead-in)'),
('portal-site-shiyosho.md','nisc.go.jp','fact/moved-url','given as where to check now; moved to www.cyber.go.jp'),
('meeting-notes-vendor-en.md','17 core business systems','fact/outdated-count','20 業務 (English)'),
]
# joho-shisan-daicho liu-scope: the confidentiality: 3 of the 入札予定価格調書 entry (4th entry)
import os
out=[]
for f,t,r,n in L:
    lines=open('docs/'+f).read().split('\n')
    hits=[i+1 for i,l in enumerate(lines) if t in l]
    if not hits: sys.exit(f'missing {f} {t}')
    if len(hits)>1: print('MULTI',f,t,hits,file=sys.stderr)
    out.append((f,hits[0],r,t,n))
lines=open('docs/joho-shisan-daicho.yaml').read().split('\n')
i=[k for k,l in enumerate(lines) if '入札予定価格調書' in l][0]
j=[k for k in range(i,len(lines)) if 'confidentiality: 3' in lines[k]][0]
out.append(('joho-shisan-daicho.yaml',j+1,'ismap/liu-scope','confidentiality: 3','機密性3 data (入札予定価格調書) stored in an ISMAP-LIU SaaS; YAML entry with no service the catalogue knows, so the finding sits on the information'))
hdr=open('/dev/stdin').read()
with open('labels.yaml','w') as o:
    o.write(hdr)
    for f,l,r,t,n in out:
        n=n.replace('"',"'")
        o.write(f'- {{file: docs/{f}, line: {l}, rule: {r}, text: "{t}", note: "{n}"}}\n')
print(len(out))
