/**
 * The .govsec.yaml schema as a module, so the server and CLI validate configuration files without reading
 * glossary/schema/ at run time. It must equal glossary/schema/config.schema.json (a unit test checks).
 */

export const CONFIG_SCHEMA: object = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://govsec.invalid/schema/config.schema.json",
  "title": "govsec configuration (.govsec.yaml)",
  "description": "Configuration for govsec, in a file named .govsec.yaml (or .govsec.yml). For each document govsec uses the nearest such file in the document's folder or above it. Paths and globs are relative to the folder that holds the configuration file and use forward slashes.",
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "rules": {
      "description": "Severity per rule, or off. A key is a rule id (term/variant, ismap/unregistered-service …) or a category wildcard (ismap/*). A rule id beats its category's wildcard; a rule not listed keeps its default severity.",
      "type": "object",
      "additionalProperties": false,
      "patternProperties": {
        "^[a-z0-9]+(-[a-z0-9]+)*/([a-z0-9]+(-[a-z0-9]+)*|\\*)$": {
          "$ref": "#/definitions/ruleSetting"
        }
      }
    },
    "profiles": {
      "description": "Globs that give documents a profile without front matter.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "procurement": {
          "description": "Globs of documents that are procurement specifications (調達仕様書, 要件定義書 …) even without front matter, such as specs/**/*.md. A document matching any glob gets the procurement profile, so the procurement rules (ismap/*, govcloud/*, privacy/*, domain/*) check it.",
          "type": "array",
          "items": {
            "$ref": "#/definitions/glob"
          }
        }
      }
    },
    "glossary": {
      "description": "Extra term files, relative to this file's folder. Each is a YAML file of kind terms with the same schema as the bundled glossary/terms files. Their terms are added to the bundled ones; an id or spelling that the bundled glossary already has is reported.",
      "type": "array",
      "uniqueItems": true,
      "items": {
        "description": "A path to a terms file (.yaml or .yml), relative to this file's folder.",
        "type": "string",
        "minLength": 1,
        "pattern": "\\.ya?ml$"
      }
    }
  },
  "definitions": {
    "ruleSetting": {
      "description": "The severity of the rule's findings, or off to turn the rule off.",
      "type": "string",
      "enum": [
        "error",
        "warning",
        "information",
        "hint",
        "off"
      ]
    },
    "glob": {
      "description": "A glob relative to this file's folder, with forward slashes: * matches within one folder, ** across folders, {a,b} either.",
      "type": "string",
      "minLength": 1
    }
  }
};
