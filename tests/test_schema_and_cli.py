"""The shipped JSON Schema, the version flag, and the fast path of `validate`."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from debatekit import __version__
from debatekit.cli import main
from debatekit.schema import schema_json
from support import ROOT



def test_shipped_schema_is_current():
    shipped = (ROOT / "schema" / "outline-v1.json").read_text(encoding="utf-8")
    assert shipped == schema_json(), "run `debatekit schema > schema/outline-v1.json`"


def test_schema_command_prints_schema_describing_the_format():
    result = CliRunner().invoke(main, ["schema"])
    schema = json.loads(result.stdout)
    assert result.exit_code == 0
    assert schema["properties"]["format"]["const"] == "debatekit/1"
    assert set(schema["required"]) == {"format", "id", "languages", "title", "source", "thesis", "strands"}
    claim = schema["$defs"]["Claim"]
    assert claim["additionalProperties"] is False
    assert claim["properties"]["kind"]["enum"] == ["fact", "opinion", "prediction"]


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.stdout.strip() == f"debatekit, version {__version__}"


def test_validate_does_not_import_writer_libraries():
    code = (
        "import sys\n"
        "from debatekit.cli import main\n"
        "try:\n"
        "    main(['validate', 'tests/data/sample.yaml'])\n"
        "except SystemExit as exit:\n"
        "    assert exit.code == 0, exit.code\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('pptx', 'reportlab', 'lxml', 'PIL'))\n"
        "print('heavy:' + ','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "heavy:", result.stdout
