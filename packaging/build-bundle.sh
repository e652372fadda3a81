#!/usr/bin/env bash
# Build the self-contained one-folder bundle (no Python needed to run it) with
# PyInstaller, archive it as dist/article-reader-<version>-linux-x86_64.tar.gz, and
# smoke-test the archive: unpacked in a temporary folder, with no venv on PATH, it
# lists the sample library, shows and lists two saved web pages, starts its window
# offscreen in French (and finds the French .qm), exits cleanly, and its install.sh
# puts it in a temporary ~/.local.
#
#   packaging/build-bundle.sh          (about 4 minutes; PYTHON=... for another Python)
#
# The bundle is built from the app's wheel installed in a venv of its own
# (build/bundle/venv, with the [bundle] extra: PyInstaller), so it holds exactly what
# an install holds, compiled translation included.
#
# What the build needs from the system it installs first on Debian, as ./install.sh
# does (with sudo when not root): the venv module, binutils (PyInstaller reads each
# library's needs with objdump; strip), the Python's shared library (the bundle carries
# it), and the libraries Qt's window loads, for the smoke test's offscreen start.
# Elsewhere, or when a need cannot be installed, one line says what is missing (status 2).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
python="${PYTHON:-python3}"

fail() { echo "build-bundle.sh: $*" >&2; exit 2; }
command -v "$python" > /dev/null || fail "no $python: install Python 3.11 or newer (Debian: python3)"
pyver="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
libpython="$("$python" -c 'import os, sysconfig as s
print(os.path.join(s.get_config_var("LIBDIR") or "", s.get_config_var("INSTSONAME") or ""))')"
# Debian's own Python: its venv and shared library come as packages.
debian_python=""
dpkg -S "$(readlink -f "$(command -v "$python")")" > /dev/null 2>&1 && debian_python=1
packages=(binutils libgl1 libegl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3)
[ -n "$debian_python" ] && packages+=("python$pyver-venv" "libpython$pyver")
if command -v apt-get > /dev/null 2>&1; then
  missing=()
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" \
      || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    [ -z "$sudo" ] || command -v sudo > /dev/null \
      || fail "needs ${missing[*]} (as root: apt-get install ${missing[*]})"
    echo "--- installing the build's system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" > /dev/null
  fi
fi
command -v objdump > /dev/null || fail "needs objdump (binutils), which PyInstaller runs"
[ -f "$libpython" ] \
  || fail "$python has no shared library ($libpython), which PyInstaller bundles:" \
    "use Debian's python3 with libpython$pyver, or a Python built with --enable-shared"
"$python" -c "import ensurepip" 2> /dev/null \
  || fail "$python cannot make a venv: install python$pyver-venv (Debian)"
version="$("$python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
name="article-reader-$version-linux-x86_64"
work="$root/build/bundle"

echo "--- the wheel, installed with PyInstaller in $work/venv"
rm -rf "$work/wheel" "$work/pyinstaller" "$work/dist"
mkdir -p "$work" dist
[ -x "$work/venv/bin/python" ] || "$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --upgrade pip
"$work/venv/bin/python" -m pip wheel --quiet --no-deps --wheel-dir "$work/wheel" .
wheel="$(ls "$work"/wheel/article_reader-*.whl)"
"$work/venv/bin/python" -m pip install --quiet --force-reinstall --no-deps "$wheel"
"$work/venv/bin/python" -m pip install --quiet "$wheel[bundle]"

echo "--- PyInstaller"
"$work/venv/bin/pyinstaller" --noconfirm --log-level WARN \
  --distpath "$work/dist" --workpath "$work/pyinstaller" packaging/article-reader.spec
bundle="$work/dist/$name"
mv "$work/dist/article-reader" "$bundle"
# Debug symbols out (libpython alone carries 19 MB of them), except NumPy's OpenBLAS:
# its loader refuses it stripped ("ELF load command address/offset not page-aligned").
if command -v strip > /dev/null; then
  find "$bundle/_internal" -name "*.so*" -type f ! -path "*/numpy.libs/*" \
    -exec strip --strip-debug {} +
fi
cp packaging/bundle-install.sh "$bundle/install.sh"
cp LICENSE "$bundle/LICENSE"
tar -C "$work/dist" -czf "dist/$name.tar.gz" "$name"
echo "bundle: $(du -sh "$bundle" | cut -f1) unpacked, $(du -h "dist/$name.tar.gz" | cut -f1) archived"

echo "--- smoke test of dist/$name.tar.gz"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
tar -C "$scratch" -xzf "dist/$name.tar.gz"
app="$scratch/$name/article-reader"
sample="$scratch/$name/_internal/reader/seeds"
clean=(env -i "PATH=/usr/bin:/bin" "HOME=$scratch/home" "ARTICLE_READER_HOME=$scratch/data")
mkdir -p "$scratch/home"

"${clean[@]}" "$app" --version
"${clean[@]}" "$app" list --library "$sample" --json > "$scratch/list.json"
"$python" - "$scratch/list.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(rows) >= 2 and all(not row["error"] for row in rows), rows
print(f"list: {len(rows)} articles of the sample library")
PY

# Saved web pages (trafilatura, jusText's stop-word lists, htmldate, courlan: data files
# PyInstaller's analysis does not see): two fixture pages in a library of their own.
pages="$scratch/pages"
mkdir -p "$pages"
cp tests/fixtures/pages/en-blog-post.html tests/fixtures/pages/fr-actualite.html "$pages/"
"${clean[@]}" "$app" show "$pages/en-blog-post.html" --library "$pages" > "$scratch/show.txt"
"${clean[@]}" "$app" list --library "$pages" --json > "$scratch/pages.json"
"$python" - "$scratch/show.txt" "$scratch/pages.json" <<'PY'
import json, sys
from pathlib import Path
text = Path(sys.argv[1]).read_text(encoding="utf-8")
assert text.startswith("Why sourdough needs time\n") and "lactic bacteria" in text, text[:500]
rows = {row["path"]: row for row in json.load(open(sys.argv[2], encoding="utf-8"))}
titles = {path: row["title"] for path, row in rows.items()}
assert titles == {
    "en-blog-post.html": "Why sourdough needs time",
    "fr-actualite.html": "Les cigognes reviennent plus tôt en Alsace",
}, rows
assert not any(row["error"] for row in rows.values()), rows
assert rows["fr-actualite.html"]["lang"] == "fr", rows
print(f"pages: show read {len(text.split())} words; list: {sorted(titles.values())}")
PY

status=0
"${clean[@]}" QT_QPA_PLATFORM=offscreen LANG=fr_FR.UTF-8 ARTICLE_READER_SMOKE_TEST=2 \
  timeout 60 "$app" > "$scratch/gui.json" 2> "$scratch/gui.err" || status=$?
"$python" - "$scratch/gui.json" "$scratch/gui.err" "$status" "$scratch/$name" <<'PY'
import json, sys
from pathlib import Path
out, err, status, bundle = sys.argv[1:]
report = json.loads(Path(out).read_text(encoding="utf-8").strip().splitlines()[-1])
problems = Path(err).read_text(encoding="utf-8")
assert status == "0", f"the window exited with status {status}: {problems}"
assert report["language"] == "fr", report
assert Path(report["translation"]).is_file(), report
assert Path(report["translation"]).is_relative_to(bundle), report
assert report["articles"] >= 2, report
assert "translation" not in problems, problems
print(f"window: {report['articles']} articles, in French from {report['translation']}")
PY

"${clean[@]}" "$scratch/$name/install.sh" > /dev/null
test -x "$scratch/home/.local/bin/article-reader"
entry="$scratch/home/.local/share/applications/article-reader.desktop"
grep -q "^Exec=$scratch/home/.local/lib/article-reader/article-reader %F$" "$entry"
"${clean[@]}" "$scratch/home/.local/bin/article-reader" --version > /dev/null
! command -v desktop-file-validate > /dev/null || desktop-file-validate "$entry"
"${clean[@]}" "$scratch/$name/install.sh" --uninstall > /dev/null
test ! -e "$entry"
echo "install.sh: launcher and menu entry installed in ~/.local, then removed"
echo "--- smoke test passed: dist/$name.tar.gz"
