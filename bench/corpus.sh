#!/usr/bin/env bash
# Builds large benchmark corpora, reproducibly, from Debian packages, into bench/corpora/
# (git-ignored). Usage: bench/corpus.sh [kjv]   (kjv, the only one so far, is the default)
#
# kjv: the King James Bible from Debian's bible-kjv-text (read through bible-kjv's `bible`,
# since the package ships the text compressed in its own format). One document per book under
# commentary/ (title line = the book's name, then one verse per line: one verse, one passage),
# plus the project's corpus/article.txt, so the seed article is searched among 31,102 verses.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out_root="$root/bench/corpora"

# The 66 books in the order `bible` prints them, with the names used as document titles.
books=(
  Genesis Exodus Leviticus Numbers Deuteronomy Joshua Judges Ruth "1 Samuel" "2 Samuel"
  "1 Kings" "2 Kings" "1 Chronicles" "2 Chronicles" Ezra Nehemiah Esther Job Psalms Proverbs
  Ecclesiastes "Song of Solomon" Isaiah Jeremiah Lamentations Ezekiel Daniel Hosea Joel Amos
  Obadiah Jonah Micah Nahum Habakkuk Zephaniah Haggai Zechariah Malachi
  Matthew Mark Luke John Acts Romans "1 Corinthians" "2 Corinthians" Galatians Ephesians
  Philippians Colossians "1 Thessalonians" "2 Thessalonians" "1 Timothy" "2 Timothy" Titus
  Philemon Hebrews James "1 Peter" "2 Peter" "1 John" "2 John" "3 John" Jude Revelation
)

need_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "corpus.sh: installing ${missing[*]}" >&2
    apt-get install -y "${missing[@]}" >&2
  else
    echo "corpus.sh: needs Debian packages ${missing[*]}: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

build_kjv() {
  need_packages bible-kjv bible-kjv-text
  local out="$out_root/kjv" tmp
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN
  # -f turns pretty-printing off: one verse per line, "Ge1:1 In the beginning ...".
  bible -f Gen1:1-Rev22:21 >"$tmp/verses"
  local verses
  verses=$(wc -l <"$tmp/verses")
  if [ "$verses" -ne 31102 ]; then
    echo "corpus.sh: bible printed $verses verses, expected 31102" >&2
    exit 1
  fi

  # Split on the book abbreviation (the reference without chapter:verse); books come in order.
  mkdir -p "$tmp/books"
  awk -v dir="$tmp/books" '
    { abbr = $1; sub(/[0-9]+:[0-9]+$/, "", abbr)
      if (abbr != last) { n++; last = abbr }
      sub(/^[^ ]+ /, "")
      printf "%s\n", $0 > sprintf("%s/%02d", dir, n) }
  ' "$tmp/verses"
  local found
  found=$(find "$tmp/books" -type f | wc -l)
  if [ "$found" -ne ${#books[@]} ]; then
    echo "corpus.sh: found $found books, expected ${#books[@]}" >&2
    exit 1
  fi

  rm -rf "$out"
  mkdir -p "$out/commentary"
  cp "$root/corpus/article.txt" "$out/article.txt"
  local i name slug file
  for i in "${!books[@]}"; do
    name=${books[$i]}
    slug=$(printf '%02d-%s' $((i + 1)) "$(tr 'A-Z ' 'a-z-' <<<"$name")")
    file="$out/commentary/$slug.txt"
    { printf '%s\n' "$name"; cat "$tmp/books/$(printf '%02d' $((i + 1)))"; } >"$file"
  done
  # Hidden, so not indexed: which package version the text came from.
  dpkg-query -W -f='${Package} ${Version}\n' bible-kjv-text bible-kjv >"$out/.source"

  local docs lines
  docs=$(find "$out" -name '*.txt' | wc -l)
  lines=$(cat "$out"/commentary/*.txt | wc -l)
  echo "kjv: $docs documents in ${out#"$root"/} ($((docs - 1)) books + article.txt)," \
    "$lines lines in commentary/ ($verses verses + ${#books[@]} titles)," \
    "from $(tr '\n' ' ' <"$out/.source")"
}

case "${1:-kjv}" in
  kjv) build_kjv ;;
  *)
    echo "usage: bench/corpus.sh [kjv]" >&2
    exit 2
    ;;
esac
