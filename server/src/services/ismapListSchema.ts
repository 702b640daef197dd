/**
 * The ISMAP list schema as a module, so the server and CLI validate workspace lists without reading
 * glossary/schema/ at run time. It must equal glossary/schema/ismap-list.schema.json (a unit test checks).
 */

export const ISMAP_LIST_SCHEMA: object = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://govsec.invalid/schema/ismap-list.schema.json",
  "title": "govsec: ISMAP cloud service list",
  "description": "A list of ISMAP / ISMAP-LIU registrations that govsec checks services against: the bundled partial list (glossary/ismap-list/bundled.yaml) or one imported from the official portal's CSV with `govsec ismap import` (.govsec/ismap-list.yaml). Wherever govsec speaks of registration it names the list, its as-of date and how many services it holds.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "kind",
    "name",
    "asOf",
    "partial",
    "entries"
  ],
  "properties": {
    "kind": {
      "const": "ismap-list"
    },
    "name": {
      "$ref": "#/definitions/line"
    },
    "asOf": {
      "description": "The date the list describes (for an import: the CSV file's date).",
      "$ref": "#/definitions/isoDate"
    },
    "partial": {
      "description": "true when the list is known to hold only some of the registered services.",
      "type": "boolean"
    },
    "partialNote": {
      "$ref": "#/definitions/bilingual"
    },
    "importedFrom": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "file",
        "importedAt",
        "rows",
        "skipped"
      ],
      "properties": {
        "file": {
          "$ref": "#/definitions/line"
        },
        "importedAt": {
          "$ref": "#/definitions/isoDate"
        },
        "encoding": {
          "enum": [
            "utf-8",
            "utf-16le",
            "shift_jis"
          ]
        },
        "rows": {
          "description": "Data rows read from the file.",
          "type": "integer",
          "minimum": 0
        },
        "skipped": {
          "description": "Malformed rows that were reported and skipped.",
          "type": "integer",
          "minimum": 0
        }
      }
    },
    "sources": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/source"
      }
    },
    "entries": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/entry"
      }
    }
  },
  "if": {
    "properties": {
      "partial": {
        "const": true
      }
    }
  },
  "then": {
    "required": [
      "partialNote"
    ],
    "properties": {
      "partialNote": {
        "$ref": "#/definitions/bilingual"
      }
    }
  },
  "definitions": {
    "id": {
      "type": "string",
      "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"
    },
    "isoDate": {
      "type": "string",
      "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
    },
    "date": {
      "description": "An ISO date; a year or a year and month where the source gives no day.",
      "type": "string",
      "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
    },
    "line": {
      "type": "string",
      "minLength": 1,
      "pattern": "^[^\\r\\n]*\\S[^\\r\\n]*$"
    },
    "nonEmpty": {
      "type": "string",
      "minLength": 1,
      "pattern": "\\S"
    },
    "bilingual": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "ja",
        "en"
      ],
      "properties": {
        "ja": {
          "$ref": "#/definitions/nonEmpty"
        },
        "en": {
          "$ref": "#/definitions/nonEmpty"
        }
      }
    },
    "source": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "title",
        "url"
      ],
      "properties": {
        "id": {
          "$ref": "#/definitions/id"
        },
        "title": {
          "$ref": "#/definitions/nonEmpty"
        },
        "url": {
          "type": "string",
          "pattern": "^https://[^\\s]+$"
        },
        "publisher": {
          "type": "string"
        },
        "date": {
          "$ref": "#/definitions/date"
        },
        "note": {
          "type": "string"
        }
      }
    },
    "entry": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "registrationNumber",
        "serviceName",
        "program"
      ],
      "properties": {
        "registrationNumber": {
          "$ref": "#/definitions/line"
        },
        "serviceName": {
          "description": "The service name as the list writes it.",
          "$ref": "#/definitions/line"
        },
        "provider": {
          "$ref": "#/definitions/line"
        },
        "registered": {
          "$ref": "#/definitions/isoDate"
        },
        "expires": {
          "$ref": "#/definitions/isoDate"
        },
        "program": {
          "enum": [
            "ISMAP",
            "ISMAP-LIU"
          ]
        },
        "serviceId": {
          "description": "The catalogue service (glossary/services/) the entry refers to.",
          "$ref": "#/definitions/id"
        },
        "line": {
          "description": "The physical line of the row in the imported CSV.",
          "type": "integer",
          "minimum": 1
        },
        "sources": {
          "description": "Ids of the list's sources that give this entry (bundled list).",
          "type": "array",
          "items": {
            "$ref": "#/definitions/id"
          },
          "uniqueItems": true
        }
      }
    }
  }
};
