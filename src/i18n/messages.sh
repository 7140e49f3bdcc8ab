#!/usr/bin/env bash
# The message catalogues (src/i18n/po/LANG.po) against the code, with
# gettext's own tools. Run from the repository's top folder.
#   messages.sh extract   print the templates the code says (a .pot) on stdout
#   messages.sh update    bring every catalogue up to date with the code: new
#                         templates arrive untranslated, dropped ones obsolete
#   messages.sh check     exit 1, naming them, when a catalogue lacks a
#                         translation, keeps a template the code dropped, or
#                         a translation drops or invents a {N} place
# A template is the first argument of Msg(...) or Phrase(...)
# (src/core/message.h), a string literal, outside the tests.
set -euo pipefail
languages=(nb sv da)
po=src/i18n/po

extract() {
  git ls-files 'src/*.cc' 'src/*.h' | grep -v '_test\.cc$' |
    xgettext --files-from=- --output=- --language=C++ --from-code=UTF-8 --keyword= \
      --keyword=Msg:1 --keyword=Phrase:1 --flag=Msg:1:no-c-format --flag=Phrase:1:no-c-format --sort-by-file --no-wrap --package-name=cxbench \
      --msgid-bugs-address=https://github.com/cxbench 2>/dev/null |
    # Our {N} places are python-brace-format's, so msgfmt --check-format
    # checks that a translation keeps each (xgettext does not mark C++ ones).
    sed 's/charset=CHARSET/charset=UTF-8/' |
    awk '/^msgid ".*\{[0-9]+\}/ { print "#, python-brace-format" } { print }'
}

case "${1:-}" in
  extract)
    extract
    ;;
  update)
    pot=$(mktemp)
    trap 'rm -f "$pot"' EXIT
    extract >"$pot"
    for language in "${languages[@]}"; do
      msgmerge --quiet --update --backup=none --no-fuzzy-matching --no-wrap "$po/$language.po" "$pot"
    done
    ;;
  check)
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    extract >"$work/cxbench.pot"
    failed=0
    templates=$(grep -c '^msgid "[^"]' "$work/cxbench.pot" || true)
    for language in "${languages[@]}"; do
      merged="$work/$language.po"
      msgmerge --quiet --no-fuzzy-matching --no-wrap -o "$merged" "$po/$language.po" "$work/cxbench.pot"
      # Unwrapped (--no-wrap), so msgid "" is the header alone.
      untranslated=$(msgattrib --no-wrap --untranslated --no-obsolete "$merged" | grep '^msgid "[^"]' || true)
      obsolete=$(msgattrib --no-wrap --only-obsolete "$merged" | grep '^#~ msgid "[^"]' || true)
      fuzzy=$(msgattrib --no-wrap --only-fuzzy --no-obsolete "$merged" | grep '^msgid "[^"]' || true)
      if [[ -n "$untranslated" ]]; then
        echo "$po/$language.po: templates without a translation:"
        echo "$untranslated" | sed 's/^/  /'
        failed=1
      fi
      if [[ -n "$obsolete" ]]; then
        echo "$po/$language.po: translations of templates the code no longer says:"
        echo "$obsolete" | sed 's/^#~ /  /'
        failed=1
      fi
      if [[ -n "$fuzzy" ]]; then
        echo "$po/$language.po: translations marked fuzzy (to be checked):"
        echo "$fuzzy" | sed 's/^/  /'
        failed=1
      fi
      if ! msgfmt --check-format --check-header -o /dev/null "$merged"; then
        echo "$po/$language.po: a translation does not keep its template's {N} places (above)"
        failed=1
      fi
    done
    if ((failed)); then
      echo "messages: run src/i18n/messages.sh update, translate, and check again"
      exit 1
    fi
    echo "messages: $templates templates, translated in ${languages[*]}"
    ;;
  *)
    sed -n '2,11p' "$0"
    exit 2
    ;;
esac
