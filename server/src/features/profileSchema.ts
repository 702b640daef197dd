/**
 * The system-profile / procurement front-matter schema as a module, so the server offers its keys and values
 * without reading glossary/schema/ at run time. It must equal glossary/schema/system-profile.schema.json (a unit
 * test checks); the provider, service and region examples there must match the service catalogue (tested too).
 */

export const SYSTEM_PROFILE_SCHEMA: object = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://govsec.invalid/schema/system-profile.schema.json",
  "title": "govsec system profile / procurement-spec front matter",
  "description": "調達仕様書・要件定義書のフロントマター、またはシステムプロファイル（YAML）の形。govsec の規則が読むキーを示します。ここにないキーも書けます。 / The shape of a procurement spec's front matter or a system-profile YAML file: the keys govsec's rules read. Other keys are allowed.",
  "type": "object",
  "properties": {
    "doctype": {
      "$ref": "#/definitions/doctype"
    },
    "title": {
      "description": "文書の題名。「調達仕様書」「要件定義書」を含む題名は調達文書として扱われます。 / The document title; a title with 調達仕様書 or 要件定義書 makes it a procurement document.",
      "type": "string"
    },
    "date": {
      "$ref": "#/definitions/date"
    },
    "sector": {
      "$ref": "#/definitions/sector"
    },
    "organization": {
      "description": "発注する組織（〇〇省、〇〇市 など）。区分（国・地方公共団体）の判定に使います。 / The issuing organisation (〇〇省, 〇〇市); used to tell the sector.",
      "type": "string"
    },
    "issuer": {
      "description": "発注者。 / The issuer.",
      "type": "string"
    },
    "system": {
      "$ref": "#/definitions/systemField"
    },
    "platform": {
      "$ref": "#/definitions/platform"
    },
    "cloud": {
      "$ref": "#/definitions/cloudField"
    },
    "classification": {
      "$ref": "#/definitions/classification"
    },
    "confidentiality": {
      "$ref": "#/definitions/confidentiality"
    },
    "services": {
      "$ref": "#/definitions/serviceList"
    },
    "saas": {
      "$ref": "#/definitions/serviceList"
    },
    "website": {
      "$ref": "#/definitions/website"
    },
    "ismap": {
      "description": "ISMAP に関する記述。controls の下は ISMAP 管理基準の ID として読まれます。 / ISMAP statements; values under controls are read as ISMAP IDs.",
      "type": "object",
      "properties": {
        "controls": {
          "$ref": "#/definitions/ismapControls"
        },
        "renewal": {
          "description": "登録の更新周期（ismap/renewal-period が検査します）。 / Renewal cycle of the registration (checked by ismap/renewal-period).",
          "type": "string"
        },
        "validity": {
          "description": "登録の有効期間。 / Validity period of the registration.",
          "type": "string"
        }
      }
    },
    "ismap_controls": {
      "$ref": "#/definitions/ismapControls"
    },
    "nist": {
      "$ref": "#/definitions/nistControls"
    },
    "iso27001_2022": {
      "$ref": "#/definitions/iso2022Controls"
    },
    "iso27001_2013": {
      "$ref": "#/definitions/iso2013Controls"
    },
    "common_standards": {
      "$ref": "#/definitions/commonStandardsControls"
    },
    "controls": {
      "description": "管理策の一覧。フレームワーク別のキー（ismap、nist、iso27001_2022 …）に分けるか、AC-2・A.5.15 のように接頭辞で区別できる ID を並べます。 / Controls, by framework key (ismap, nist, iso27001_2022 …), or IDs that carry their own prefix (AC-2, A.5.15).",
      "anyOf": [
        {
          "type": "array",
          "items": {
            "$ref": "#/definitions/prefixedControlId"
          }
        },
        {
          "type": "object",
          "properties": {
            "ismap": {
              "$ref": "#/definitions/ismapControls"
            },
            "nist": {
              "$ref": "#/definitions/nistControls"
            },
            "iso27001_2022": {
              "$ref": "#/definitions/iso2022Controls"
            },
            "iso27001_2013": {
              "$ref": "#/definitions/iso2013Controls"
            },
            "common_standards": {
              "$ref": "#/definitions/commonStandardsControls"
            }
          }
        }
      ]
    },
    "breach_report": {
      "description": "漏えい等報告（個人情報保護委員会への報告）。 / Leak reports to the Personal Information Protection Commission.",
      "type": "object",
      "properties": {
        "threshold": {
          "description": "報告対象となる本人の数の閾値。行政機関等（保有個人情報）は100人超、民間事業者（個人データ）は1,000人超（privacy/report-threshold）。 / The number of people above which a leak is reportable: more than 100 for 行政機関等, more than 1,000 for private businesses.",
          "type": "string",
          "examples": [
            "100人超",
            "1,000人超"
          ]
        },
        "preliminary": {
          "description": "速報の期限（「速やかに」、目安は3〜5日以内）。 / Deadline of the preliminary report (promptly; about 3-5 days).",
          "type": "string",
          "examples": [
            "速やかに（概ね3〜5日以内）"
          ]
        },
        "final": {
          "description": "確報の期限（30日以内、不正の目的によるおそれがある場合は60日以内）。 / Deadline of the final report (30 days; 60 for suspected wrongful purposes).",
          "type": "string",
          "examples": [
            "30日以内",
            "60日以内"
          ]
        }
      }
    },
    "文書種別": {
      "$ref": "#/definitions/doctype"
    },
    "件名": {
      "description": "文書の題名。 / The document title.",
      "type": "string"
    },
    "日付": {
      "$ref": "#/definitions/date"
    },
    "区分": {
      "$ref": "#/definitions/sector"
    },
    "発注者": {
      "description": "発注者。 / The issuer.",
      "type": "string"
    },
    "組織": {
      "description": "発注する組織。 / The issuing organisation.",
      "type": "string"
    },
    "基盤": {
      "$ref": "#/definitions/platform"
    },
    "格付": {
      "$ref": "#/definitions/classification"
    },
    "機密性": {
      "$ref": "#/definitions/confidentiality"
    },
    "完全性": {
      "$ref": "#/definitions/integrity"
    },
    "可用性": {
      "$ref": "#/definitions/availability"
    },
    "管理策": {
      "$ref": "#/definitions/ismapControls"
    },
    "統一基準": {
      "$ref": "#/definitions/commonStandardsControls"
    },
    "調達": {
      "description": "調達の概要。 / The procurement.",
      "type": "object"
    }
  },
  "definitions": {
    "doctype": {
      "description": "文書の種類。gov-procurement-spec・調達仕様書・要件定義書・system-profile などは調達文書として扱われ、ismap/*・govcloud/*・privacy/*・domain/* の規則が検査します。 / The document type; procurement types turn on the procurement rules.",
      "type": "string",
      "examples": [
        "gov-procurement-spec",
        "requirements-definition",
        "system-profile",
        "調達仕様書",
        "要件定義書"
      ]
    },
    "date": {
      "description": "文書の日付（2026-10-01、令和8年10月1日 など）。 / The document date (2026-10-01, 令和8年10月1日 …).",
      "type": "string",
      "examples": [
        "2026-10-01",
        "令和8年10月1日"
      ]
    },
    "sector": {
      "description": "発注者の区分: national（国の行政機関等）、local（地方公共団体）、private（民間事業者）。漏えい等報告の閾値などの判定に使います。 / The issuer's sector: national, local or private.",
      "type": "string",
      "examples": [
        "national",
        "local",
        "private",
        "国の行政機関",
        "地方公共団体",
        "民間事業者"
      ]
    },
    "platform": {
      "description": "システムの基盤（ガバメントクラウド、オンプレミス など）。 / The system's platform (ガバメントクラウド, on premises …).",
      "type": "string",
      "examples": [
        "ガバメントクラウド",
        "オンプレミス"
      ]
    },
    "website": {
      "description": "公開ウェブサイトの URL またはドメイン。国の機関は go.jp ドメイン（domain/non-government-domain）。 / The public website's URL or domain; national bodies use go.jp.",
      "anyOf": [
        {
          "type": "string"
        },
        {
          "type": "object",
          "properties": {
            "url": {
              "description": "公開ウェブサイトの URL。 / The public website URL.",
              "type": "string"
            },
            "domain": {
              "description": "ドメイン名（go.jp など）。 / The domain name (go.jp …).",
              "type": "string"
            }
          }
        }
      ]
    },
    "cloudField": {
      "description": "システムが稼働するクラウド（provider・service・region）。事業者名だけを書いてもかまいません。 / The cloud the system runs on (provider, service, region), or just the provider.",
      "anyOf": [
        {
          "$ref": "#/definitions/cloud"
        },
        {
          "$ref": "#/definitions/cloudProvider"
        }
      ]
    },
    "cloud": {
      "description": "システムが稼働するクラウド。provider にガバメントクラウドの対象事業者を書くと govcloud/* の規則が、region に海外リージョンを書くと govcloud/overseas-region が検査します。 / The cloud the system runs on; govcloud/* rules check the provider and the region.",
      "type": "object",
      "properties": {
        "provider": {
          "$ref": "#/definitions/cloudProvider"
        },
        "service": {
          "$ref": "#/definitions/cloudService"
        },
        "region": {
          "$ref": "#/definitions/cloudRegion"
        },
        "dr_region": {
          "$ref": "#/definitions/cloudRegion"
        },
        "regions": {
          "description": "システムが利用するリージョンの一覧。 / Regions the system uses.",
          "type": "array",
          "items": {
            "$ref": "#/definitions/cloudRegion"
          }
        },
        "platform": {
          "$ref": "#/definitions/platform"
        },
        "candidates": {
          "description": "比較・検討した候補（採用した基盤ではありません）。govsec はこの下のクラウドを基盤として扱いません。 / Candidates compared (not the platform chosen); not treated as the platform.",
          "type": "array",
          "items": {
            "$ref": "#/definitions/cloudProvider"
          }
        },
        "alternatives": {
          "description": "代替案（採用した基盤ではありません）。 / Alternatives (not the platform chosen).",
          "type": "array",
          "items": {
            "$ref": "#/definitions/cloudProvider"
          }
        },
        "プロバイダ": {
          "$ref": "#/definitions/cloudProvider"
        },
        "リージョン": {
          "$ref": "#/definitions/cloudRegion"
        }
      }
    },
    "cloudProvider": {
      "description": "クラウド事業者・基盤サービス。ガバメントクラウドの対象はこの5つです（govcloud/unsupported-provider）。 / The cloud provider; these five are the ガバメントクラウド providers.",
      "type": "string",
      "examples": [
        "Amazon Web Services",
        "Google Cloud",
        "Microsoft Azure",
        "Oracle Cloud Infrastructure",
        "さくらのクラウド"
      ]
    },
    "cloudService": {
      "description": "クラウドサービス名。ISMAP クラウドサービスリストと照合されます。 / A cloud service name, checked against the ISMAP list.",
      "type": "string",
      "examples": [
        "Amazon Web Services",
        "Google Cloud",
        "Microsoft Azure",
        "Oracle Cloud Infrastructure",
        "さくらのクラウド",
        "Firebase",
        "FJcloud-V",
        "IIJ GIO P2",
        "IDCFクラウド",
        "さくらのAI Engine",
        "cybozu.com",
        "Cloudflare",
        "Cloudflare for Government",
        "Fastly",
        "Heroku",
        "DigitalOcean",
        "Vultr",
        "Linode",
        "Netlify",
        "Vercel",
        "Hetzner",
        "IBM Cloud",
        "Alibaba Cloud",
        "Google Workspace",
        "Gemini Enterprise",
        "Microsoft 365",
        "Dynamics 365",
        "Salesforce",
        "Slack",
        "kintone",
        "Garoon",
        "Box",
        "Zoom",
        "Webex",
        "LINE WORKS",
        "ServiceNow",
        "GitHub",
        "Dropbox",
        "Notion",
        "Kuroco"
      ]
    },
    "cloudRegion": {
      "description": "リージョン（ID）。ガバメントクラウドでは国内リージョンを使います（govcloud/overseas-region）。 / A region id; ガバメントクラウド systems use regions in Japan.",
      "type": "string",
      "examples": [
        "ap-northeast-1",
        "ap-northeast-3",
        "asia-northeast1",
        "asia-northeast2",
        "japaneast",
        "japanwest",
        "ap-tokyo-1",
        "ap-osaka-1",
        "tk1a",
        "tk1b",
        "is1a",
        "is1b",
        "us-east-1",
        "us-east-2",
        "us-west-1",
        "us-west-2",
        "eu-west-1",
        "eu-central-1",
        "ap-northeast-2",
        "ap-east-1",
        "ap-southeast-1",
        "ap-southeast-2",
        "ap-south-1",
        "asia-northeast3",
        "asia-east1",
        "asia-east2",
        "asia-southeast1",
        "australia-southeast1",
        "us-central1",
        "us-east1",
        "us-east4",
        "us-west1",
        "europe-west1",
        "europe-west2",
        "europe-west3",
        "eastasia",
        "southeastasia",
        "koreacentral",
        "australiaeast",
        "eastus",
        "eastus2",
        "centralus",
        "westus",
        "westus2",
        "northeurope",
        "westeurope",
        "ap-seoul-1",
        "ap-singapore-1",
        "ap-sydney-1",
        "us-ashburn-1",
        "us-phoenix-1",
        "eu-frankfurt-1",
        "uk-london-1"
      ]
    },
    "serviceList": {
      "description": "利用するクラウドサービス・SaaS の一覧。各サービスは ISMAP クラウドサービスリストと照合されます（ismap/unregistered-service）。 / Cloud services and SaaS the system uses; each is checked against the ISMAP list loaded.",
      "anyOf": [
        {
          "type": "array",
          "items": {
            "$ref": "#/definitions/serviceItem"
          }
        },
        {
          "type": "null"
        }
      ]
    },
    "serviceItem": {
      "anyOf": [
        {
          "$ref": "#/definitions/cloudService"
        },
        {
          "type": "object",
          "properties": {
            "name": {
              "$ref": "#/definitions/cloudService"
            },
            "purpose": {
              "description": "利用目的。 / What the service is used for.",
              "type": "string"
            },
            "note": {
              "description": "備考。 / Notes.",
              "type": "string"
            }
          }
        }
      ]
    },
    "systemField": {
      "description": "対象システム（名称・区分・基盤・クラウド・格付など）。システム名だけを書いてもかまいません。 / The system (name, sector, platform, cloud, classes …), or just its name.",
      "anyOf": [
        {
          "$ref": "#/definitions/system"
        },
        {
          "description": "システム名。 / The system name.",
          "type": "string"
        }
      ]
    },
    "system": {
      "description": "対象システムの概要。 / The system the document is about.",
      "type": "object",
      "properties": {
        "name": {
          "description": "システム名。 / The system name.",
          "type": "string"
        },
        "sector": {
          "$ref": "#/definitions/sector"
        },
        "platform": {
          "$ref": "#/definitions/platform"
        },
        "cloud": {
          "$ref": "#/definitions/cloudField"
        },
        "classification": {
          "$ref": "#/definitions/classification"
        },
        "network": {
          "description": "接続するネットワーク（GSS、LGWAN接続系 など）。 / The network the system connects to (GSS, LGWAN接続系 …).",
          "type": "string",
          "examples": [
            "GSS",
            "LGWAN接続系",
            "インターネット接続系",
            "マイナンバー利用事務系"
          ]
        },
        "website": {
          "$ref": "#/definitions/website"
        },
        "services": {
          "$ref": "#/definitions/serviceList"
        },
        "saas": {
          "$ref": "#/definitions/serviceList"
        },
        "名称": {
          "description": "システム名。 / The system name.",
          "type": "string"
        },
        "基盤": {
          "$ref": "#/definitions/platform"
        }
      }
    },
    "classification": {
      "description": "情報の格付。「機密性2情報」のように書くか、機密性・完全性・可用性ごとに書きます。 / The information classes, as 機密性2情報 or per axis.",
      "anyOf": [
        {
          "$ref": "#/definitions/gradeText"
        },
        {
          "$ref": "#/definitions/classificationMap"
        }
      ]
    },
    "classificationMap": {
      "description": "情報の格付（統一基準 1.2）: 機密性1〜3、完全性1〜2、可用性1〜2。 / Information classes (Common Standards 1.2): confidentiality 1-3, integrity 1-2, availability 1-2.",
      "type": "object",
      "properties": {
        "confidentiality": {
          "$ref": "#/definitions/confidentiality"
        },
        "integrity": {
          "$ref": "#/definitions/integrity"
        },
        "availability": {
          "$ref": "#/definitions/availability"
        },
        "機密性": {
          "$ref": "#/definitions/confidentiality"
        },
        "完全性": {
          "$ref": "#/definitions/integrity"
        },
        "可用性": {
          "$ref": "#/definitions/availability"
        }
      }
    },
    "gradeText": {
      "description": "格付（機密性1〜3、完全性1〜2、可用性1〜2）。 / An information class.",
      "type": "string",
      "examples": [
        "機密性1情報",
        "機密性2情報",
        "機密性3情報",
        "完全性1情報",
        "完全性2情報",
        "可用性1情報",
        "可用性2情報"
      ]
    },
    "confidentiality": {
      "description": "機密性の格付: 1〜3（機密性4情報はありません）。 / Confidentiality class: 1-3.",
      "anyOf": [
        {
          "type": "integer",
          "enum": [
            1,
            2,
            3
          ]
        },
        {
          "type": "string",
          "pattern": "^\\s*(機密性)?[1-3１-３](情報)?\\s*$"
        }
      ]
    },
    "integrity": {
      "description": "完全性の格付: 1〜2。 / Integrity class: 1-2.",
      "anyOf": [
        {
          "type": "integer",
          "enum": [
            1,
            2
          ]
        },
        {
          "type": "string",
          "pattern": "^\\s*(完全性)?[12１２](情報)?\\s*$"
        }
      ]
    },
    "availability": {
      "description": "可用性の格付: 1〜2。 / Availability class: 1-2.",
      "anyOf": [
        {
          "type": "integer",
          "enum": [
            1,
            2
          ]
        },
        {
          "type": "string",
          "pattern": "^\\s*(可用性)?[12１２](情報)?\\s*$"
        }
      ]
    },
    "ismapControls": {
      "description": "ISMAP管理基準の管理策番号の一覧（9.2.1 など。詳細管理策は 9.2.1.6.PB のように接尾辞付き）。govsec はこのキーの下の値を ISMAP の ID として読みます。 / ISMAP control criteria IDs (9.2.1; detailed controls with their suffix, 9.2.1.6.PB). govsec reads values under this key as ISMAP IDs.",
      "anyOf": [
        {
          "type": "array",
          "items": {
            "$ref": "#/definitions/ismapControlId"
          }
        },
        {
          "type": "null"
        }
      ]
    },
    "nistControls": {
      "description": "NIST SP 800-53 Rev. 5 の管理策 ID の一覧（AC-2、拡張は AC-2(1)）。 / NIST SP 800-53 Rev. 5 control IDs (AC-2; enhancements as AC-2(1)).",
      "anyOf": [
        {
          "type": "array",
          "items": {
            "$ref": "#/definitions/nistControlId"
          }
        },
        {
          "type": "null"
        }
      ]
    },
    "iso2022Controls": {
      "description": "ISO/IEC 27001:2022 附属書A の管理策番号の一覧（A.5.15）。 / ISO/IEC 27001:2022 Annex A control numbers (A.5.15).",
      "anyOf": [
        {
          "type": "array",
          "items": {
            "$ref": "#/definitions/iso2022ControlId"
          }
        },
        {
          "type": "null"
        }
      ]
    },
    "iso2013Controls": {
      "description": "ISO/IEC 27001:2013 附属書A の管理策番号の一覧（A.9.1.1）。2022年版の番号への置き換えを検討してください。 / ISO/IEC 27001:2013 Annex A control numbers (A.9.1.1); consider the 2022 numbering.",
      "anyOf": [
        {
          "type": "array",
          "items": {
            "$ref": "#/definitions/iso2013ControlId"
          }
        },
        {
          "type": "null"
        }
      ]
    },
    "commonStandardsControls": {
      "description": "統一基準（令和7年度版）の項番の一覧（2.1.1(5)、遵守事項は 2.1.1(5)(a)）。 / Common Standards (FY2025) clause numbers (2.1.1(5); requirements as 2.1.1(5)(a)).",
      "anyOf": [
        {
          "type": "array",
          "items": {
            "$ref": "#/definitions/commonStandardsControlId"
          }
        },
        {
          "type": "null"
        }
      ]
    },
    "ismapControlId": {
      "description": "ISMAP管理基準の ID（9.2.1、9.2.1.6.PB）。 / An ISMAP control criteria ID.",
      "anyOf": [
        {
          "type": "string",
          "pattern": "^\\s*[0-9０-９]{1,2}([.．][0-9０-９]{1,3}){1,3}([.．]?([PpＰｐ][BbＢｂ]?|[BbＢｂ]))?\\s*$"
        },
        {
          "type": "number"
        }
      ]
    },
    "nistControlId": {
      "description": "NIST SP 800-53 Rev. 5 の ID（AC-2、AC-2(1)）。 / A NIST SP 800-53 Rev. 5 ID.",
      "type": "string",
      "pattern": "^\\s*[A-Za-zＡ-Ｚａ-ｚ]{2}\\s?[-－‐−]\\s?[0-9０-９]{1,2}(\\s?[(（]\\s?[0-9０-９]{1,2}\\s?[)）]|[.．][0-9０-９]{1,2})?\\s*$"
    },
    "iso2022ControlId": {
      "description": "ISO/IEC 27001:2022 附属書A の番号（A.5.15）。 / An ISO/IEC 27001:2022 Annex A number.",
      "anyOf": [
        {
          "type": "string",
          "pattern": "^\\s*([AＡ]\\s?[.．]?\\s?)?[5-8５-８][.．][0-9０-９]{1,2}\\s*$"
        },
        {
          "type": "number"
        }
      ]
    },
    "iso2013ControlId": {
      "description": "ISO/IEC 27001:2013 附属書A の番号（A.9.1.1）。 / An ISO/IEC 27001:2013 Annex A number.",
      "type": "string",
      "pattern": "^\\s*([AＡ]\\s?[.．]?\\s?)?[0-9０-９]{1,2}[.．][0-9０-９]{1,2}[.．][0-9０-９]{1,2}\\s*$"
    },
    "commonStandardsControlId": {
      "description": "統一基準の項番（2.1.1(5)）。 / A Common Standards clause number.",
      "anyOf": [
        {
          "type": "string",
          "pattern": "^\\s*[0-9０-９]{1,2}([.．][0-9０-９]{1,2}){0,2}([(（][0-9０-９]{1,2}[)）]([(（][A-Za-zＡ-Ｚａ-ｚ][)）])?([-－][0-9０-９]{1,2})?)?\\s*$"
        },
        {
          "type": "number"
        }
      ]
    },
    "prefixedControlId": {
      "description": "接頭辞で区別できる管理策 ID: NIST SP 800-53（AC-2）または ISO/IEC 27001 附属書A（A.5.15）。 / A control ID with its own prefix: NIST (AC-2) or ISO/IEC 27001 Annex A (A.5.15).",
      "type": "string",
      "pattern": "^\\s*[A-Za-zＡ-Ｚａ-ｚ]{2}\\s?[-－‐−]\\s?[0-9０-９]{1,2}(\\s?[(（]\\s?[0-9０-９]{1,2}\\s?[)）]|[.．][0-9０-９]{1,2})?\\s*$|^\\s*[AＡ]\\s?[.．]\\s?[0-9０-９]{1,2}[.．][0-9０-９]{1,2}([.．][0-9０-９]{1,2})?\\s*$"
    }
  }
};
