#!/usr/bin/env bash
# Checks the byte budgets of an existing build (default dist/): no build, no browser, a few seconds.
# Prints each budget with its actual size and limit; exits 1 naming every budget exceeded.
#
#   scripts/check-budgets.sh [--targets] [dist-dir]
#
# All sizes are brotli -q 11 bytes of the files on disk (what a host serving precompressed or
# brotli-compressed files sends); kB = 1000 bytes. The first-load sets are computed from dist/:
#   standalone page: index.html + its stylesheets + spasm-triage.js (the loader, which paints the
#                    first screen and starts the widget there too) + the wasm-bindgen glue (.js) +
#                    the _bg.wasm
#   embed:           spasm-triage.js (loader) + glue + wasm
# and the larger of the two is held to the first-load budgets. scripts/bench.sh measures the same
# sets in Chromium (and reports a few small files the browser also asks for, like the favicon).
set -euo pipefail

# ---- The budgets (issue #10's targets): change them here, and only here. ----------------------
# First load (the larger of the standalone and embed sets), at most:
FIRST_LOAD_MAX=100000
# ... and at most this many times the Yew hello world's first load (bench/hello/, same versions and
# build settings). Its figure is read from bench/hello-world-bytes.txt, which scripts/bench.sh
# writes, so this check needs no hello-world build.
FIRST_LOAD_HELLO_FACTOR=2.1
# Everything: every file under dist/, recursively (the articles' data files too), except
# embed-snippet.html (text for people to copy, never downloaded), the .br/.gz copies that
# scripts/compress.sh writes beside the files (the same files compressed), and the practice's
# set-up page in dist/setup/ (staff only: no patient's page or service worker asks for it; listed
# apart below, with no budget), at most (raised from
# 160 kB to 175 kB with the clinical rules version 2, whose articles and words grew):
TOTAL_MAX=175000
# The loader (dist/spasm-triage.js), which every page with the tag downloads, at most:
LOADER_MAX=5000
#
# ---- Ceilings, while a budget above is not met. -------------------------------------------------
# A budget not yet met is held to a ceiling instead: the size it had when its ceiling was last set,
# plus about 1 %, so no change makes the widget bigger unnoticed. Lower a ceiling whenever a change
# makes the widget smaller; delete it once its budget is met. Empty means: hold to the budget.
# First load: 131,900 until the clinical rules version 2 (issue 17), which measured 130,631 ->
# 136,163 bytes (+5,532, within its 6 kB allowance) and raised the ceiling by that much, to 137,432.
# The house (issue 18) measured 136,163 -> 137,064 (+901 of its 1 kB allowance) and set it to that
# plus 36 bytes for the build date's effect on compression. What the house spent and won back:
#   spent: the crash note in each widget's language, the loader's could-not-load note, three bug
#          fixes (+779); the workspace, whose crate boundary copies generic code into each crate
#          (+1,401); the spine's hooks (+413); one view style, every screen a function component
#          (+705: about 176 bytes each, so the plain-function screens were a trick under the
#          issue's 0.5 kB bar, undone); the loader as a custom element with unmount, merged with
#          the build-time article parser (+417).
#   won:   the reading choices in the widget's state instead of a second context (-1,301);
#          #[inline(never)] on action_button and a closure trick in the root gone (-489); the page
#          URL in the state instead of props (-258); Config::fill through the one placeholder
#          filler (-209); one effect keeps the state (-198); the article model compiled into the
#          core, one crate fewer in the wasm (-163); id tables sized by COUNT (-107); dead code
#          and the coach's tables by id (-89).
#   kept:  `with_attributes` for constant class lists (undoing it, with the root's class table,
#          measured +2,128 bytes with the #[inline(never)] removal, so over +2.6 kB by itself); the
#          QR encoder, the small sort, the Latin-1 folding and the ASCII capitalising (kept by the
#          issue's word, each measured at 1 to 8 kB when taken).
# The hardening issue (22), first steps: its smaller defects (Clear my answers drops the coach's
# round, a hand-off time past 2199 refused, the coach's promise after the clock moves back, a
# booking address the browser cannot open dropped, kiosk times of at least 30 and 10 seconds and an
# emergency result counted as activity: +253), then integrity for everything the loader and the
# widget fetch (the manifest with the glue's and the wasm's hashes, the loader with the manifest's:
# +387; the article files' hashes in the wasm: +332): 137,064 -> 138,036 (+972 of its 1 kB).
# The practice set-up issue (20), first step: data-after-hours-phone on urgent results (the
# attribute, its words in both languages, the link or kiosk QR code): 138,036 -> 138,527 (+491 of
# its 0.5 kB). A review then made the widget's reducer build its next state without copying the
# session it replaces, and folded the coach's may_start into start_round: 138,527 -> 138,314
# (-213), and the ceiling fell by as much.
# The first screen (issue 19, allowance 0) moved the stylesheet from the wasm into the loader with
# the prerendered first screens, and made the standalone page load through the loader like a host
# page (the loader joined its set, and the set became the larger): standalone 139,788 when it first
# worked. Then its cuts: a Newton fifth root instead of libm's pow, a plain scan instead of the
# two-way string searcher, no integrity hashes on the page's icon and stylesheet links (-1,052);
# the service worker registered by the loader, leading zeros and calc(1 * x) out of the CSS (-577);
# no preload links on the page (-121); the page's query copied onto its element by the loader
# (-340). And what it spent: the first render in a task of its own, for total blocking time
# (+295); a tap kept on the first screen done only on the same live button, a reload mid-check
# painting no buttons (+87); the glue and wasm named by their bytes (+7). The larger set went from
# 138,314 (embed) to 138,087 (standalone; embed 137,528): the ceiling fell by 227, to that plus 36
# bytes for the build date.
# The hardening issue (22), fail-safe loading and privacy from the host page (its allowance had 28
# bytes left): the loader finds itself as a module, the note after 10 s, on a failed shadow root and
# when bundled, the spasm-triage:error event (+192); memory only by default (data-remember) and the
# patient's events stopped at the shadow root (+271, less shorter console messages); paid by one
# mount export with the storage key named by the loader (-330) and #fff for #ffffff. 138,087 ->
# 137,937 (-150): the ceiling fell with it, to that plus 36 bytes for the build date.
# The patient journey (issue 21, allowance 4 kB), first steps: the widget's unit in px, the result
# headline and kiosk type scale (+8, CSS in the loader), a round stopped in its first minute owes no
# rest, the kiosk's QR codes with the number as text, and "the back spasm check" for "this widget"
# in the articles (their data files' names change): 137,941 -> 138,239 (+298 of its 4,000); the
# ceiling rose by that much.
# The hardening issue (22) again: a crash tells the host page too (spasm-triage:error, "crashed"):
# 138,239 -> 138,377 (+138; the issue has now used 960 of its 1,000 bytes). The ceiling rose by that.
# A review: the app alone decides whether a widget keeps its answers (mount.rs filtered the key by
# Config::persist as well): 138,377 -> 138,341 (-36), and the ceiling fell by as much.
# The hardening issue (22), its isolation mode (data-isolation="frame": the loader imports frame.js
# with its hash, +114 in the loader), paid for by cuts: SHA-256 for the hashes the loader and the
# wasm carry instead of SHA-384 (-86 in the loader, -54 in the wasm), the stylesheet minifier
# dropping spaces around * and / in calc() and before !important, and five small CSS merges and
# drops (a font stack of system-ui only, no 100vh fallback, no ::before/::after rules): 138,341 ->
# 138,249 (-92; the issue still has 40 bytes of its 1,000). The ceiling fell to that plus 36.
# The patient journey (issue 21): the floating launcher, its button and panel in launcher.js, which
# the loader imports with its hash for a launcher only (its old button code and CSS left the
# loader), and a focused heading kept when the widget replaces the first screen: 138,249 ->
# 138,180 (-69). The ceiling fell to that plus 36.
# The patient journey (21) again: the self-care guide as an overview (Back to my result on top, its
# parts closed under their headings), dates in words in the patient's language (full month names,
# the articles' review dates too), the language and text-size switches styled as a toolbar:
# 138,170 -> 138,508 (+338; the issue has used 636 of its 4,000). The ceiling rose by that.
# The patient journey (issue 21), the interview (at most 1,800 of the issue's 3,700 bytes left):
# one page per question with big answer buttons (any kind of question), the soon pages with "None
# of these", "Question n of about N" and a bar, the review opened from the result, the clearing
# confirmation in the session, the browser's Back and forward on the standalone page:
# 138,341 -> 139,849 (+1,508: wasm +1,390, glue +102, loader +16 for two CSS rules). First it
# measured 140,751 (+2,410); won back: the history sync in the kept-state effect instead of a hook
# of its own with two effects (-361), the answer buttons made from actions in one place (-127),
# the confirmation to clear as session state instead of a use_state per view, with Start over and
# Clear my answers one control (-449), the review's three labels replaced by the questions as asked
# (-23), the CSS cut to two rules (-47); then spent: focus kept on "No, keep them" when the
# confirmation opens (+105). The ceiling rose by the +1,508, to 139,885; the issue has about 2,200
# bytes left for its other parts.
# The two merged (with the articles' sources as citations, whose data file names the wasm carries):
# 140,278, 262 bytes more than the two steps' sum (brotli does not add up). Issue 21 has now used
# 2,327 of its 4,000 (140,278 - 138,249, the first load after #22's isolation mode, plus its first
# 298). The ceiling is that plus 36.
# The journey (21): the result's hierarchy (the main action first and filled: the practice's booking
# or phone, the guide at home; on the emergency-department result going there first, and "No one
# to take you? Call 911" a plain action after it instead of the red bar; a self_care result's first
# line names the warning signs the patient does not have), with the launcher's and the isolation
# mode's modules made one (modes.js: one hash in the loader, not two; -48 in the loader) and a
# shorter screen-reader-only rule: 140,278 -> 140,594 (+316). The issue has used 2,643 of its
# 4,000. The ceiling is that plus 36.
# The journey (21): the review fits 320 px at larger text (the Change button keeps its size, the
# question wraps), a question left unanswered on a page of several is marked where it is (a data
# attribute: a class computed at run time measured +1,721, Yew's class set), and the forced-colours
# borders cut to the two elements that have none: 140,594 -> 140,510 (-84, WebKit's merge and the
# CSS cuts included). The issue has used 2,559 of its 4,000. The ceiling is that plus 36.
# Then the host element left to the page to size and place (the widget's root resets what it would
# inherit, instead of `all: initial` on the host, which also undid the standalone page's 40 rem):
# 140,510 -> 140,531 (+21; the issue has used 2,580). Within the ceiling, which stays.
# The journey (21), pictures that teach (allowance 700): each stretch one drawing of its start and
# end poses side by side, with their words (Start and End, Cat and Cow) and an arrow between, the
# rest positions redrawn in the same style, all from one table of poses drawn by one function (the
# six functions of markup they replace went): 140,594 -> 140,605 (+11: wasm +17, loader -6 with
# the rest positions' half width). (Measured on its own, from 140,594.)
# Merged with the pictures, and the standalone page's print rule (the paper's whole width for the
# summary, now that the page's 40 rem applies: +35 in page.css): 140,531 -> 140,984 (+453: the
# pictures' table of poses measured +17 on its own base and +414 merged, brotli does not add up).
# The issue has used 3,033 of its 4,000. The ceiling is that plus 36.
# A review: the result view asks the core whether the guide is offered (coach_offered) instead of
# naming the levels again, and the practice articles cited by subject, not title (the data file
# names the wasm carries changed): 140,984 -> 140,918 (-66). The issue has used 2,967 of its
# 4,000; the ceiling fell to that plus 36.
# The journey (21), the kiosk's attract screen: a drawing (someone with a sore back at a tablet, from
# the table of poses, +166 in the wasm with its words) and its big Start button really big (a more
# specific rule had kept it at the body's size). Paid for by moving the kiosk's two prerendered
# first screens out of the loader into modes.js, which a kiosk imports (with its hash) to paint
# them and no other page downloads (loader 4,962 -> 4,791): 140,918 -> 140,913 (-5). The issue has
# used 2,962 of its 4,000; the ceiling fell to that plus 36.
# The practice set-up issue (20), the set-up page and the poster (allowance used up): its own wasm
# (cargo feature setup), merged into dist/setup/ and listed apart below; the widget's wasm is the
# same to the byte (first load 140,918 before and after on its own base; merged with main, 140,929,
# main's figure, byte for byte). The ceiling stays.
FIRST_LOAD_CEILING=140949
TOTAL_CEILING=
# -------------------------------------------------------------------------------------------------
#
# Also checks that the articles' data files in dist/ are exactly the ones the wasm asks for (their
# names are plain strings in the wasm, baked in by crates/spasm-core/build.rs; the Trunk hook's
# spasm-articles tool writes the files), and that every file scripts/compress.sh lists has its .br
# and .gz copies, each decompressing to exactly that file (a host sends them in its place): a
# mismatch fails like a size over its limit.
#
# Exit status: 1 when a size exceeds what it is held to (its ceiling, or else its budget), the data
# file names differ, or a compressed copy is missing or differs from its file; with --targets, also
# when any budget is not met. 2 when dist/ cannot be read.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
targets=0
if [ "${1:-}" = "--targets" ]; then targets=1; shift; fi
dist="${1:-$root/dist}"
hello_file="$root/bench/hello-world-bytes.txt"

die() { printf 'check-budgets: %s\n' "$*" >&2; exit 2; }
command -v brotli >/dev/null || die "brotli is missing (scripts/setup.sh installs it)"
[ -f "$dist/index.html" ] && [ -f "$dist/spasm-triage.json" ] \
  || die "$dist has no index.html and spasm-triage.json: build first (trunk build --release)"

br() { brotli -q 11 -c "$dist/$1" | wc -c | tr -d ' '; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f kB", b / 1000 }'; }

# The glue and wasm names, from the build's record of them ({"glue":"…","wasm":"…"}), which the
# loader carries too.
manifest="$(cat "$dist/spasm-triage.json")"
glue="$(printf '%s' "$manifest" | sed -n 's/.*"glue":"\([^"]*\)".*/\1/p')"
wasm="$(printf '%s' "$manifest" | sed -n 's/.*"wasm":"\([^"]*\)".*/\1/p')"
[ -n "$glue" ] && [ -f "$dist/$glue" ] || die "spasm-triage.json names no glue file that exists"
[ -n "$wasm" ] && [ -f "$dist/$wasm" ] || die "spasm-triage.json names no wasm file that exists"
# The page's stylesheets, as index.html links them.
mapfile -t css < <(grep -o '<link[^>]*rel="stylesheet"[^>]*>' "$dist/index.html" \
  | sed -n 's/.*href="\(\.\/\)\{0,1\}\([^"]*\)".*/\2/p')

sum_set() { # prints "total|a (n) + b (m) + …"
  local total=0 parts="" f b
  for f in "$@"; do
    b="$(br "$f")"
    total=$((total + b))
    parts="${parts:+$parts + }$f ($b)"
  done
  printf '%s|%s\n' "$total" "$parts"
}

IFS='|' read -r standalone standalone_parts < <(sum_set index.html "${css[@]}" spasm-triage.js "$glue" "$wasm")
IFS='|' read -r embed embed_parts < <(sum_set spasm-triage.js "$glue" "$wasm")
if [ "$standalone" -ge "$embed" ]; then first="$standalone"; first_which="standalone"; else first="$embed"; first_which="embed"; fi
loader="$(br spasm-triage.js)"
total=0
files=0
while IFS= read -r -d '' f; do
  total=$((total + $(brotli -q 11 -c "$f" | wc -c)))
  files=$((files + 1))
done < <(find "$dist" -type f ! -path "$dist/embed-snippet.html" ! -path "$dist/setup/*" ! -name '*.br' ! -name '*.gz' -print0)
# The set-up page's files (scripts/build.sh merges them into dist/setup/), apart: never in a
# patient's download.
setup_parts=""
setup_total=0
while IFS= read -r -d '' f; do
  b="$(brotli -q 11 -c "$f" | wc -c | tr -d ' ')"
  setup_total=$((setup_total + b))
  setup_parts="${setup_parts:+$setup_parts + }${f#"$dist/"} ($b)"
done < <(find "$dist/setup" -type f ! -name '*.br' ! -name '*.gz' -print0 2>/dev/null | sort -z)

hello=""
if [ -f "$hello_file" ]; then
  hello="$(grep -v '^[[:space:]]*#' "$hello_file" | grep -m1 -o '[0-9][0-9]*' || true)"
fi

printf 'check-budgets: %s (brotli -q 11 bytes; kB = 1000 bytes)\n' "$dist"
printf '  standalone first load: %s = %s\n' "$standalone_parts" "$standalone"
printf '  embed first load:      %s = %s\n' "$embed_parts" "$embed"

failed=0
check() { # name actual budget ceiling detail
  local name="$1" actual="$2" budget="$3" ceiling="$4" detail="$5" limit status target=""
  limit="${ceiling:-$budget}"
  if [ "$actual" -gt "$limit" ]; then
    status="FAIL"; failed=$((failed + 1))
  elif [ "$actual" -gt "$budget" ]; then
    status="over"; [ "$targets" = 1 ] && failed=$((failed + 1))
  else
    status="ok"
  fi
  [ -n "$ceiling" ] && target="; held to the ceiling $(kb "$ceiling") until the budget is met"
  if [ "$actual" -le "$budget" ]; then
    printf '%-5s %-27s %7s bytes, budget %7s  (%s of %s)  %s\n' "$status" "$name" "$actual" "$budget" "$(kb "$actual")" "$(kb "$budget")" "$detail"
  else
    printf '%-5s %-27s %7s bytes, budget %7s  (%s of %s)  %s: %s bytes over the budget%s\n' "$status" "$name" "$actual" "$budget" "$(kb "$actual")" "$(kb "$budget")" "$detail" "$((actual - budget))" "$target"
  fi
}

check "first load" "$first" "$FIRST_LOAD_MAX" "$FIRST_LOAD_CEILING" "the $first_which set, the larger"
if [ -n "$hello" ]; then
  hello_limit="$(awk -v h="$hello" -v f="$FIRST_LOAD_HELLO_FACTOR" 'BEGIN { printf "%d", h * f }')"
  check "first load vs hello world" "$first" "$hello_limit" "$FIRST_LOAD_CEILING" "$FIRST_LOAD_HELLO_FACTOR x hello world's $hello (bench/hello-world-bytes.txt)"
else
  printf 'FAIL  %-27s no hello-world figure in %s: run scripts/bench.sh\n' "first load vs hello world" "$hello_file"
  failed=$((failed + 1))
fi
check "everything" "$total" "$TOTAL_MAX" "$TOTAL_CEILING" "$files files, all but embed-snippet.html, the .br/.gz copies and setup/"
check "loader spasm-triage.js" "$loader" "$LOADER_MAX" "" "dist/spasm-triage.js"

if [ -n "$setup_parts" ]; then
  printf 'info  %-27s %7s bytes  (%s, not in what a patient downloads, no budget): %s\n' "set-up page dist/setup/" "$setup_total" "$(kb "$setup_total")" "$setup_parts"
else
  printf 'info  %-27s none (scripts/build.sh builds it; trunk build alone does not)\n' "set-up page dist/setup/"
fi
# And none of it in the patient's files: no page, loader or service worker names a set-up file.
if grep -lE 'spasm-setup|setup/' "$dist"/index.html "$dist"/frame.html "$dist"/sw.js "$dist"/spasm-triage.js "$dist"/modes.js "$dist/$glue" 2>/dev/null; then
  printf 'FAIL  %-27s the patient files above name the set-up page\n' "set-up page kept apart"
  failed=$((failed + 1))
fi

# The data files the wasm asks for, and those dist/ has.
asked="$(grep -aoE 'articles-[a-z]{2}-[0-9a-f]{16}\.txt' "$dist/$wasm" | sort -u | paste -sd' ' -)"
shipped="$(cd "$dist" && find . -maxdepth 1 -name 'articles-*.txt' | sed 's|^\./||' | sort | paste -sd' ' -)"
if [ -n "$asked" ] && [ "$asked" = "$shipped" ]; then
  printf 'ok    %-27s %s (the names the wasm asks for)\n' "article data files" "$asked"
else
  printf 'FAIL  %-27s the wasm asks for [%s] but %s has [%s]\n' "article data files" "$asked" "$dist" "$shipped"
  failed=$((failed + 1))
fi

# The compressed copies a host sends instead of the files: every file that should have them has
# both, and each decompresses to exactly its file (a stale or broken copy would be sent as is).
copies=0
bad_copies=()
while IFS= read -r f; do
  for c in br gz; do
    if [ ! -f "$dist/$f.$c" ]; then
      bad_copies+=("$f.$c is missing")
    elif ! { if [ "$c" = br ]; then brotli -d -c "$dist/$f.br"; else gzip -d -c "$dist/$f.gz"; fi; } 2>/dev/null | cmp -s - "$dist/$f"; then
      bad_copies+=("$f.$c does not decompress to $f")
    else
      copies=$((copies + 1))
    fi
  done
done < <("$root/scripts/compress.sh" --list "$dist")
# And no copy without its file (a host would send it for a file the build no longer has).
while IFS= read -r -d '' c; do
  rel="${c#"$dist/"}"
  [ -f "${c%.*}" ] || bad_copies+=("$rel has no ${rel%.*} beside it")
done < <(find "$dist" -type f \( -name '*.br' -o -name '*.gz' \) -print0)
if [ "$copies" -eq 0 ]; then
  # An older build, or the hook's last step did not run: one line instead of two per file.
  printf 'FAIL  %-27s none of the .br/.gz copies is there: scripts/compress.sh writes them (the post-build hook runs it last)\n' "compressed copies"
  failed=$((failed + 1))
elif [ "${#bad_copies[@]}" -gt 0 ]; then
  for b in "${bad_copies[@]}"; do printf 'FAIL  %-27s %s\n' "compressed copies" "$b"; done
  failed=$((failed + 1))
else
  printf 'ok    %-27s %s .br and .gz copies, each decompressing to exactly its file\n' "compressed copies" "$copies"
fi

if [ "$failed" -gt 0 ]; then
  printf 'check-budgets: %d check(s) failed (a size over what it is held to, the data file names, or the compressed copies)\n' "$failed" >&2
  exit 1
fi
printf 'check-budgets: no size over its ceiling or budget%s\n' "$([ "$targets" = 1 ] && echo ", every budget met")"
