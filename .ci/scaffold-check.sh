#!/usr/bin/env bash
# Third-party checks of what `profiler init` and `profiler new profile` write, in a fresh
# folder outside any git repository (so the workspace root is the folder above the LS):
#  - yaml-language-server (the engine of VS Code's YAML extension), driven headless over
#    LSP, resolves the modelines offline: the scaffolds get no diagnostics, and broken
#    copies get schema diagnostics (so the schemas really were loaded);
#  - ajv validates the scaffolds against the exported schemas.
# Usage: .ci/scaffold-check.sh PROFILER_BIN TOOLS_DIR
set -euo pipefail
bin=$(realpath "$1"); tools=$(realpath "$2"); ci=$(realpath "$(dirname "$0")")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work"
"$bin" init --title 'Поступление в вуз' --status citizen,business,internal >/dev/null
"$bin" new profile postuplenie-v-vuz --title 'Студент, проживающий в соседнем регионе' --status citizen \
  --set sex=мужской --set age=20 --set 'region=Московская область' >/dev/null
"$bin" --lang en init --title 'Hiring staff' --status business >/dev/null
"$bin" --lang en new profile hiring-staff --title 'Small company' --set legal-form=ООО >/dev/null
"$bin" validate . >/dev/null
ls=postuplenie-v-vuz/life-situation.yaml
p=postuplenie-v-vuz/profiles/student-prozhivayushhij-v-sosednem-regione.yaml
sed 's/^stage: segment/stage: draft/' "$p" > postuplenie-v-vuz/profiles/broken.yaml
sed 's/^kind: LifeSituation/kind: LifeSituation\nunknownKey: 1/' "$ls" > postuplenie-v-vuz/broken-ls.yaml
node "$ci/yls-check.js" "$tools/node_modules/yaml-language-server/bin/yaml-language-server" \
  --clean "$ls" "$p" hiring-staff/life-situation.yaml hiring-staff/profiles/small-company.yaml \
  --dirty postuplenie-v-vuz/profiles/broken.yaml postuplenie-v-vuz/broken-ls.yaml
rm postuplenie-v-vuz/profiles/broken.yaml postuplenie-v-vuz/broken-ls.yaml
ajv="$tools/node_modules/.bin/ajv"
s=.profiler/schemas
"$ajv" validate --spec=draft2020 --strict=true --allow-union-types -c ajv-formats -s $s/life-situation.schema.json -r $s/defs.schema.json -d '*/life-situation.yaml'
"$ajv" validate --spec=draft2020 --strict=true --allow-union-types -c ajv-formats -s $s/profile.schema.json -r $s/defs.schema.json -d '*/profiles/*.yaml'
