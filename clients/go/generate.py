"""Generate the Go client's typed layer (``zz_generated.go``) from the appliance's OpenAPI document.

No OpenAPI generator for Go installs from the registries this project can reach (the Go ones
come from the Go module proxy; openapi-generator-cli downloads a jar from Maven), so this script
is the generator: it reads ``/openapi.json`` and writes a standard-library-only Go file with

* ``APIVersion``: the document's ``info.version``;
* a struct per component schema (an inline object property becomes a struct of its own);
* a ``Client`` method per operation (named after its ``operationId``), with a ``...Params``
  struct for its query parameters; JSON bodies are typed, form bodies are ``url.Values``,
  multipart bodies a ``*MultipartForm``, and non-JSON answers ``[]byte``.

The output goes through ``gofmt``, so the same document always gives the same bytes.

    python clients/go/generate.py                 # dump the document and write zz_generated.go
    python clients/go/generate.py --check         # exit 1 when the committed file is stale
    python clients/go/generate.py --document openapi.json
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "zz_generated.go"
PACKAGE = "cyberorigen"
#: Words Go spells in capitals (the Go style for initialisms).
INITIALISMS = {
    "id": "ID",
    "url": "URL",
    "api": "API",
    "http": "HTTP",
    "https": "HTTPS",
    "tls": "TLS",
    "ssh": "SSH",
    "dns": "DNS",
    "csv": "CSV",
    "pdf": "PDF",
    "html": "HTML",
    "json": "JSON",
    "sarif": "SARIF",
    "ip": "IP",
    "cvss": "CVSS",
    "smtp": "SMTP",
    "xlsx": "XLSX",
    "cidr": "CIDR",
    "uri": "URI",
}
METHODS = ("get", "post", "put", "patch", "delete")
#: Names the hand-written files declare: a generated name equal to one gets a suffix.
HAND_WRITTEN_METHODS = {"Do", "Login", "SetToken", "Token", "WaitForScan", "AllFindings"}
HAND_WRITTEN_TYPES = {
    "Client", "Option", "APIError", "MultipartForm", "MultipartFile", "RetryPolicy", "Page",
    "WaitOptions", "String", "Int", "Bool", "Float", "All", "EachPage", "VerifyWebhook",
    "SignWebhook", "WebhookSecretKey", "ScanFinished",
}  # fmt: skip


# --- the document -----------------------------------------------------------------------------


def dump_document() -> dict:
    """The appliance's OpenAPI document, built without a server: the app factory on a
    throw-away embedded appliance with the built-in plugins only (so a plugin installed
    beside them does not change the client)."""
    from cyberorigen.app import create_app
    from cyberorigen.appliance import build_appliance
    from cyberorigen.plugin_registry import installed_points
    from cyberorigen.settings import load_settings

    with tempfile.TemporaryDirectory() as folder:
        settings = load_settings(
            {
                "instance_dir": folder,
                "secret_key": "generate-the-go-client-" + "x" * 24,
                "database_url": f"sqlite:///{folder}/openapi.sqlite",
                "redis_url": "",
            },
            env={},
        )
        points = [p for p in installed_points() if p.value.startswith("cyberorigen.plugins")]
        appliance = build_appliance(settings, entry_points=points)
        app = create_app(appliance)
        answer = app.test_client().get("/openapi.json")
        if answer.status_code != 200:
            raise SystemExit(f"GET /openapi.json answered {answer.status_code}")
        return answer.get_json()


# --- names ------------------------------------------------------------------------------------


def go_name(text: str) -> str:
    """An exported Go identifier for a schema, property or operation name."""
    words = re.split(r"[^0-9A-Za-z]+|(?<=[a-z0-9])(?=[A-Z])", text)
    out = []
    for word in words:
        if not word:
            continue
        lower = word.lower()
        out.append(INITIALISMS.get(lower, word[0].upper() + word[1:]))
    name = "".join(out) or "X"
    if name[0].isdigit():
        name = "N" + name
    return name


def go_param(text: str) -> str:
    """An unexported Go identifier (a method argument)."""
    name = go_name(text)
    for initialism in sorted(INITIALISMS.values(), key=len, reverse=True):
        if name.startswith(initialism):
            return initialism.lower() + name[len(initialism) :]
    return name[0].lower() + name[1:]


def comment(text: str | None, indent: str = "") -> str:
    if not text:
        return ""
    text = text.replace("``", "`")
    lines = []
    for paragraph in text.strip().splitlines():
        lines.append(f"{indent}// {paragraph.rstrip()}".rstrip())
    return "\n".join(lines) + "\n"


# --- types ------------------------------------------------------------------------------------


class Generator:
    def __init__(self, document: dict):
        self.document = document
        self.schemas: dict = document.get("components", {}).get("schemas", {})
        self.type_names = {name: go_name(name.lstrip("_")) for name in self.schemas}
        if len(set(self.type_names.values())) != len(self.type_names):  # keep them apart
            self.type_names = {name: go_name(name) for name in self.schemas}
        for name, go in self.type_names.items():
            if go in HAND_WRITTEN_TYPES:
                self.type_names[name] = go + "Schema"
        self.request_schemas = self._request_schemas()
        self.structs: list[str] = []  # Go declarations, in order
        self.declared: set[str] = set()

    # which schemas are sent: their optional fields are pointers, so an unset one is left out
    def _request_schemas(self) -> set[str]:
        found: set[str] = set()

        def visit(schema):
            if isinstance(schema, dict):
                ref = schema.get("$ref")
                if ref:
                    name = ref.rsplit("/", 1)[1]
                    if name not in found:
                        found.add(name)
                        visit(self.schemas.get(name, {}))
                for value in schema.values():
                    visit(value)
            elif isinstance(schema, list):
                for value in schema:
                    visit(value)

        for _path, operation in self.operations():
            body = operation.get("requestBody", {})
            for media in body.get("content", {}).values():
                visit(media.get("schema", {}))
        return found

    def ref_name(self, ref: str) -> str:
        return self.type_names[ref.rsplit("/", 1)[1]]

    def go_type(self, schema: dict, owner: str, sent: bool) -> str:
        """The Go type of ``schema``; an inline object is declared as ``owner``."""
        if "$ref" in schema:
            return self.ref_name(schema["$ref"])
        for key in ("allOf", "anyOf", "oneOf"):
            parts = schema.get(key)
            if parts:
                if key == "allOf" and len(parts) == 1:
                    return self.go_type(parts[0], owner, sent)
                return "json.RawMessage"
        kind = schema.get("type")
        if isinstance(kind, dict):  # a misplaced schema (an enum under "type"): its own type
            kind = kind.get("type", "string")
        if kind == "string":
            return "[]byte" if schema.get("format") == "binary" else "string"
        if kind == "integer":
            return "int64"
        if kind == "number":
            return "float64"
        if kind == "boolean":
            return "bool"
        if kind == "array":
            return "[]" + self.go_type(schema.get("items", {}), owner + "Item", sent)
        if kind == "object" or "properties" in schema:
            if schema.get("properties"):
                self.declare_struct(owner, schema, sent)
                return owner
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict) and extra:
                return "map[string]" + self.go_type(extra, owner + "Value", sent)
            return "map[string]interface{}"
        return "json.RawMessage"

    def field_type(self, schema: dict, owner: str, required: bool, sent: bool) -> str:
        base = self.go_type(schema, owner, sent)
        nullable = schema.get("nullable") or any(
            part.get("nullable") for part in schema.get("allOf", []) if isinstance(part, dict)
        )
        scalar = base in ("string", "int64", "float64", "bool")
        if scalar and (nullable or (sent and not required)):
            return "*" + base
        named = base in self.type_names.values() or base == owner
        if named and (nullable or not required):
            return "*" + base
        return base

    def declare_struct(self, name: str, schema: dict, sent: bool) -> None:
        if name in self.declared:
            return
        self.declared.add(name)
        required = set(schema.get("required", []))
        lines = []
        text = schema.get("description")
        lines.append(comment(text) if text else f"// {name} is a schema of the API.\n")
        lines.append(f"type {name} struct {{\n")
        used: set[str] = set()
        for prop in sorted(schema.get("properties", {})):
            prop_schema = schema["properties"][prop]
            field = go_name(prop)
            while field in used:
                field += "_"
            used.add(field)
            go = self.field_type(prop_schema, name + field, prop in required, sent)
            tag = prop if prop in required else prop + ",omitempty"
            doc = prop_schema.get("description")
            enum = prop_schema.get("enum") or (
                prop_schema["type"].get("enum")
                if isinstance(prop_schema.get("type"), dict)
                else None
            )
            if enum:
                values = ", ".join(json.dumps(value) for value in enum)
                doc = f"{doc}\n" if doc else ""
                doc += f"One of: {values}."
            lines.append(comment(doc, "\t"))
            lines.append(f'\t{field} {go} `json:"{tag}"`\n')
        lines.append("}\n")
        self.structs.append("".join(lines))

    def declare_components(self) -> None:
        for name in sorted(self.schemas):
            schema = self.schemas[name]
            go = self.type_names[name]
            sent = name in self.request_schemas
            if schema.get("properties") or schema.get("type") == "object":
                if schema.get("properties"):
                    self.declare_struct(go, schema, sent)
                else:
                    self.declared.add(go)
                    alias = self.go_type({**schema, "properties": {}}, go + "Value", sent)
                    self.structs.append(comment(schema.get("description")) + f"type {go} {alias}\n")
            else:
                self.declared.add(go)
                alias = self.go_type(schema, go + "Value", sent)
                self.structs.append(comment(schema.get("description")) + f"type {go} {alias}\n")

    # --- operations -------------------------------------------------------------------------

    def operations(self):
        for path in sorted(self.document.get("paths", {})):
            item = self.document["paths"][path]
            for method in METHODS:
                if method in item:
                    operation = dict(item[method])
                    operation["_method"] = method.upper()
                    operation["_parameters"] = [
                        *item.get("parameters", []),
                        *operation.get("parameters", []),
                    ]
                    yield path, operation

    @staticmethod
    def fallback_name(method: str, path: str) -> str:
        parts = [p for p in path.split("/") if p and p not in ("api", "v1")]
        words = [("by_" + p[1:-1]) if p.startswith("{") else p for p in parts]
        return go_name(method.lower() + "_" + "_".join(words))

    def method(self, path: str, operation: dict, name: str) -> str:
        method = operation["_method"]
        params = operation["_parameters"]
        path_params = [p for p in params if p.get("in") == "path"]
        query_params = [p for p in params if p.get("in") == "query"]
        args = ["ctx context.Context"]
        for param in path_params:
            args.append(f"{go_param(param['name'])} string")
        out = []
        if query_params:
            self.declare_params(name + "Params", query_params)
            args.append(f"params *{name}Params")
        body_kind, body_type = self.body(operation, name)
        if body_kind == "json":
            args.append(f"body {body_type}")
        elif body_kind == "form":
            args.append("form url.Values")
        elif body_kind == "multipart":
            args.append("form *MultipartForm")
        result_kind, result_type = self.result(operation, name)

        summary = (operation.get("summary") or "").strip()
        doc = f"{name} calls {method} {path}."
        if summary:
            doc += "\n" + summary
        description = (operation.get("description") or "").strip()
        if description:
            doc += "\n\n" + description
        out.append(comment(doc))
        returns = "error" if result_kind == "none" else f"({result_type}, error)"
        out.append(f"func (c *Client) {name}({', '.join(args)}) {returns} {{\n")
        go_path = json.dumps(path)
        for param in path_params:
            placeholder = json.dumps("{" + param["name"] + "}")
            go_path = (
                f"strings.Replace({go_path}, {placeholder}, "
                f"url.PathEscape({go_param(param['name'])}), 1)"
            )
        out.append(f"\treq := request{{method: {json.dumps(method)}, path: {go_path}}}\n")
        if query_params:
            out.append("\tif params != nil {\n\t\treq.query = params.values()\n\t}\n")
        if body_kind == "json":
            out.append("\treq.json = body\n")
        elif body_kind == "form":
            out.append("\treq.form = form\n")
        elif body_kind == "multipart":
            out.append("\treq.multipart = form\n")
        if result_kind == "none":
            out.append("\treturn c.do(ctx, req, nil)\n}\n")
        elif result_kind == "bytes":
            out.append("\tvar out []byte\n\terr := c.do(ctx, req, &out)\n\treturn out, err\n}\n")
        elif result_type.startswith("*"):
            out.append(
                f"\tout := new({result_type[1:]})\n"
                "\tif err := c.do(ctx, req, out); err != nil {\n\t\treturn nil, err\n\t}\n"
                "\treturn out, nil\n}\n"
            )
        else:
            out.append(
                f"\tvar out {result_type}\n\terr := c.do(ctx, req, &out)\n\treturn out, err\n}}\n"
            )
        return "".join(out)

    def body(self, operation: dict, name: str) -> tuple[str, str]:
        content = operation.get("requestBody", {}).get("content", {})
        if "application/json" in content:
            schema = content["application/json"].get("schema", {})
            go = self.go_type(schema, name + "Body", True)
            if not go.startswith(("[]", "map[", "json.")):
                go = "*" + go
            return "json", go
        if "application/x-www-form-urlencoded" in content:
            return "form", ""
        if "multipart/form-data" in content:
            return "multipart", ""
        return "none", ""

    def result(self, operation: dict, name: str) -> tuple[str, str]:
        codes = sorted(code for code in operation.get("responses", {}) if code.startswith("2"))
        if not codes:
            return "none", ""
        response = operation["responses"][codes[0]]
        if "$ref" in response:
            response = self.document["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
        content = response.get("content", {})
        if not content:
            return ("none", "") if codes[0] == "204" else ("bytes", "[]byte")
        if list(content) == ["application/json"]:
            schema = content["application/json"].get("schema", {})
            if schema.get("format") == "binary":
                return "bytes", "[]byte"
            go = self.go_type(schema, name + "Response", False)
            target = self.schemas.get(schema.get("$ref", "").rsplit("/", 1)[-1], {})
            if go.startswith(("[]", "map[", "json.")) or target.get("type") == "array":
                return "value", go
            return "pointer", "*" + go
        return "bytes", "[]byte"

    def declare_params(self, name: str, params: list[dict]) -> None:
        lines = [f"// {name} are the query parameters of {name[: -len('Params')]}.\n"]
        lines.append(f"type {name} struct {{\n")
        encode = [f"func (p *{name}) values() url.Values {{\n\tq := url.Values{{}}\n"]
        for param in sorted(params, key=lambda p: p["name"]):
            schema = param.get("schema", {})
            field = go_name(param["name"])
            kind = schema.get("type", "string")
            key = json.dumps(param["name"])
            doc = param.get("description") or ""
            if schema.get("enum"):
                doc += (
                    ("\n" if doc else "")
                    + "One of: "
                    + ", ".join(json.dumps(v) for v in schema["enum"])
                    + "."
                )
            lines.append(comment(doc, "\t"))
            if kind == "array":
                item = self.go_type(schema.get("items", {}), name + field, False)
                lines.append(f"\t{field} []{item}\n")
                encode.append(
                    f"\tfor _, v := range p.{field} {{\n\t\tq.Add({key}, fmt.Sprint(v))\n\t}}\n"
                )
                continue
            go = {"integer": "int64", "number": "float64", "boolean": "bool"}.get(kind, "string")
            lines.append(f"\t{field} *{go}\n")
            fmt_value = {
                "int64": f"strconv.FormatInt(*p.{field}, 10)",
                "float64": f"strconv.FormatFloat(*p.{field}, 'f', -1, 64)",
                "bool": f"strconv.FormatBool(*p.{field})",
                "string": f"*p.{field}",
            }[go]
            encode.append(f"\tif p.{field} != nil {{\n\t\tq.Set({key}, {fmt_value})\n\t}}\n")
        lines.append("}\n")
        encode.append("\treturn q\n}\n")
        self.structs.append("".join(lines) + "\n" + "".join(encode))

    def generate(self) -> str:
        self.declare_components()
        methods = []
        used: set[str] = set()
        for path, operation in self.operations():
            name = (
                go_name(operation.get("operationId") or "") if operation.get("operationId") else ""
            )
            if not name:
                name = self.fallback_name(operation["_method"], path)
            while name in used or name in HAND_WRITTEN_METHODS:
                name += "Op"
            used.add(name)
            methods.append(self.method(path, operation, name))
        version = self.document.get("info", {}).get("version", "0")
        title = self.document.get("info", {}).get("title", "the API")
        body = "\n".join(self.structs) + "\n" + "\n".join(methods)
        imports = ["context", "encoding/json", "fmt", "net/url", "strconv", "strings"]
        used_imports = [
            item for item in imports if item == "context" or f"{item.rsplit('/', 1)[-1]}." in body
        ]
        header = (
            "// Code generated by clients/go/generate.py from the appliance's /openapi.json. "
            "DO NOT EDIT.\n\n"
            f"package {PACKAGE}\n\n"
            "import (\n" + "".join(f'\t"{item}"\n' for item in used_imports) + ")\n\n"
            f"// APIVersion is the version of {title} this package was generated from "
            "(the document's info.version).\n"
            f"const APIVersion = {json.dumps(version)}\n\n"
        )
        return header + body


def gofmt(source: str) -> str:
    tool = shutil.which("gofmt")
    if tool is None:
        raise SystemExit("gofmt is not installed (apt-get install golang-go)")
    done = subprocess.run(  # noqa: S603 - gofmt, found on PATH, reads our own output
        [tool], input=source, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit("gofmt refused the generated code:\n" + done.stderr)
    return done.stdout


def render(document: dict) -> str:
    return gofmt(Generator(document).generate())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--document", type=Path, help="an OpenAPI JSON file (default: dump it)")
    parser.add_argument("--check", action="store_true", help="fail when the output is stale")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    if args.document:
        document = json.loads(args.document.read_text(encoding="utf-8"))
    else:
        document = dump_document()
    source = render(document)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != source:
            print(
                f"{args.output} differs from what the current OpenAPI document generates: "
                "run `make clients-go`",
                file=sys.stderr,
            )
            return 1
        print(f"{args.output} is up to date")
        return 0
    args.output.write_text(source, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
