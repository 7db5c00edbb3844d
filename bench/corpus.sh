#!/usr/bin/env bash
# Builds large benchmark corpora, reproducibly, from Debian packages, into bench/corpora/
# (git-ignored). Usage: bench/corpus.sh [kjv|million|all]   (kjv is the default)
#
# kjv: the King James Bible from Debian's bible-kjv-text (read through bible-kjv's `bible`,
# since the package ships the text compressed in its own format). One document per book under
# commentary/ (title line = the book's name, then one verse per line: one verse, one passage),
# plus the project's corpus/article.txt, so the seed article is searched among 31,102 verses.
#
# million: about a million paragraphs (one per line) of real, freely licensed prose from Debian
# packages: the KJV verses again, three public-domain Bible commentaries (SWORD modules), Webster's
# 1913 (GCIDE), WordNet glosses, FOLDOC, the Jargon File, The Devil's Dictionary, fortune cookies,
# and the prose of manuals (Linux kernel, Python, PostgreSQL, Perl, man-pages, Vim, Qt, Erlang,
# ...). See build_million below and bench/README.md.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out_root="$root/bench/corpora"
cleanup=()
trap 'rm -rf "${cleanup[@]}"' EXIT

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
    # --no-remove: a documentation package that conflicts with something installed (Debian's
    # nodejs-doc and a nodejs from elsewhere) must fail here, not take that package away.
    local apt=(apt-get install -y --no-install-recommends --no-remove)
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" "${missing[@]}" >&2 \
      || { apt-get update >&2 && DEBIAN_FRONTEND=noninteractive "${apt[@]}" "${missing[@]}" >&2; }
  else
    echo "corpus.sh: needs Debian packages ${missing[*]}: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

# The KJV's 31,102 verses into file $1, one a line: "Ge1:1 In the beginning ...".
kjv_verses() {
  need_packages bible-kjv bible-kjv-text
  # -f turns pretty-printing off: one verse per line.
  bible -f Gen1:1-Rev22:21 >"$1"
  local verses
  verses=$(wc -l <"$1")
  if [ "$verses" -ne 31102 ]; then
    echo "corpus.sh: bible printed $verses verses, expected 31102" >&2
    exit 1
  fi
}

build_kjv() {
  local out="$out_root/kjv" tmp
  tmp=$(mktemp -d)
  cleanup+=("$tmp")
  kjv_verses "$tmp/verses"
  local verses=31102

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

# What build_million reads. linux-doc, python3-doc, postgresql-doc and libboost-doc bring the
# current versioned package (linux-doc-6.1 ...); the script reads the newest installed one.
million_packages=(
  bible-kjv bible-kjv-text diatheke sword-text-web sword-comm-mhcc sword-comm-scofield
  sword-comm-tdavid dict-gcide dict-foldoc dict-jargon dict-devil wordnet-base fortunes fortunes-min
  perl-doc manpages manpages-dev vim-runtime linux-doc python3-doc postgresql-doc python-django-doc
  python-sqlalchemy-doc python-sklearn-doc python-scipy-doc python-astropy-doc python-sympy-doc
  python-pandas-doc sqlite3-doc qtbase5-doc-html git-doc erlang-doc octave-doc r-doc-html
  apache2-doc postfix-doc exim4-doc-html bind9-doc libboost-doc libgtk-3-doc lilypond-doc-html
  libx11-doc gimp-help-en gnucash-docs debian-policy developers-reference debian-faq
  debian-handbook debian-reference-en debian-history debian-edu-doc-en gnu-standards
)

# million: about a million paragraphs, each one line, from ~55 Debian packages. Every source
# yields paragraphs that go through one filter (keep, in the Python below): whitespace collapsed,
# under 40 characters or 6 words dropped, mostly-not-letters (code, tables) dropped, lines the
# parser would take for a heading dropped, exact duplicates across the whole corpus dropped
# (first seen wins; sources run in a fixed order, files in sorted order). Documents go under
# commentary/<source>/, a title line then one paragraph a line, packed to about 1,000 paragraphs
# (dictionaries: by initial letter, up to 2,000). .source lists the packages and versions read;
# .stats the paragraphs per source and how many were dropped for what.
build_million() {
  need_packages "${million_packages[@]}" "installation-guide-$(dpkg --print-architecture)"
  local out="$out_root/million" build="$out_root/.million-build" tmp start=$SECONDS
  tmp=$(mktemp -d)
  cleanup+=("$tmp")
  kjv_verses "$tmp/verses"
  rm -rf "$build"
  mkdir -p "$build/commentary"
  cp "$root/corpus/article.txt" "$build/article.txt"
  local counts docs paragraphs bytes mean median
  counts=$(python3 - "$build" "$tmp/verses" "${books[@]}" <<'PY'
# Arguments: the folder to build, the KJV verses file, the 66 book names. Writes
# commentary/<source>/NNN-<title>.txt, .stats and .source there; prints "documents paragraphs
# bytes mean-length median-length" of commentary/, counted as TextDocumentParser reads it.
import gzip, hashlib, html, os, re, statistics, struct, subprocess, sys, unicodedata, zlib

out, verses_file = sys.argv[1], sys.argv[2]
books = sys.argv[3:]
commentary = os.path.join(out, "commentary")

# ---------------------------------------------------------------- cleaning, shared by all sources

SPACE_LIKE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff\ufffd¶]")
CODE_CHARS = "{}[]<>=$#\\|_^~`@"
LETTERS = re.compile(r"[^\W\d_]+")
CLOSERS = "\"'\u201d\u2019)]\u00bb"
ENDERS = ".!?:;,\u2026"
seen = set()
dropped = {}


def java_len(text):
    """Length in UTF-16 units, as Java's String.length() counts."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def short_unpunctuated(line):
    """TextDocumentParser.isShortUnpunctuated: what the parser takes as a heading or furniture."""
    if len(line) > 80 or java_len(line) > 80 or len(line.split()) > 12:
        return False
    end = len(line)
    while end > 0 and line[end - 1] in CLOSERS:
        end -= 1
    return end > 0 and line[end - 1] not in ENDERS


def drop(reason):
    dropped[reason] = dropped.get(reason, 0) + 1


def keep(text):
    """The paragraph as one clean line, or None when it is short, code-like, or seen before."""
    if len(text) < 40:  # cleaning only shortens a text
        return drop("under 40 characters")
    text = unicodedata.normalize("NFC", " ".join(SPACE_LIKE.sub(" ", text).split()))
    if len(text) < 40:
        return drop("under 40 characters")
    if len(text) > 5_000 and java_len(text) > 10_000:
        return drop("over 10,000 characters")
    words = text.count(" ") + 1
    if words < 6:
        return drop("under 6 words")
    solid = len(text) - words + 1
    others = len(LETTERS.sub("", text)) - (words - 1)  # characters other than letters and spaces
    if others > 0.3 * solid or sum(map(text.count, CODE_CHARS)) > 0.05 * solid:
        return drop("mostly not letters (code, tables, numbers)")
    if short_unpunctuated(text):
        return drop("reads as a heading")
    digest = hashlib.blake2b(text.encode(), digest_size=12).digest()
    if digest in seen:
        return drop("exact duplicate")
    seen.add(digest)
    return text


def kept(texts):
    return [t for t in map(keep, texts) if t]


TAG = re.compile(r"<[^>]*>")

# ---------------------------------------------------------------- writing documents

stats = {}  # folder -> [documents, paragraphs]


def slug(text, limit=48):
    s = re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower())
    return s.strip("-")[:limit].strip("-") or "x"


def short_title(text, limit=90):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def write(folder, title, paragraphs):
    if not paragraphs:
        return
    s = stats.setdefault(folder, [0, 0])
    s[0] += 1
    s[1] += len(paragraphs)
    title = " ".join(title.split())[:300]
    os.makedirs(os.path.join(commentary, folder), exist_ok=True)
    path = os.path.join(commentary, folder, "%03d-%s.txt" % (s[0], slug(title.split(": ", 1)[-1])))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(title + "\n" + "\n".join(paragraphs) + "\n")


def pack(folder, collection, units, target=1000, most=2000):
    """Writes units (label, paragraphs) in order, several to a document of about target paragraphs."""
    group, size = [], 0

    def flush():
        nonlocal group, size
        if group:
            first, last = group[0][0], group[-1][0]
            label = short_title(first) if first == last else short_title(first, 70) + " \u2013 " + short_title(last, 70)
            write(folder, collection + ": " + label, [p for _, ps in group for p in ps])
        group, size = [], 0

    for label, paragraphs in units:
        if not paragraphs:
            continue
        if group and size + len(paragraphs) > most:
            flush()
        group.append((label, paragraphs))
        size += len(paragraphs)
        if size >= target:
            flush()
    flush()


def pack_evenly(folder, collection, units, most=2000):
    """Writes units in documents of at most `most` paragraphs, of even size."""
    total = sum(len(ps) for _, ps in units)
    parts = -(-total // most)
    if parts:
        pack(folder, collection, units, target=-(-total // parts), most=most)


# ---------------------------------------------------------------- package files

used = {"bible-kjv", "bible-kjv-text", "diatheke"}  # the packages read, for .source


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True, stdin=subprocess.DEVNULL).stdout


def newest(pattern):
    """The installed package matching pattern (a glob) with the highest version: linux-doc-6.1."""
    rows = run("dpkg-query", "-W", "-f=${Package} ${db:Status-Status}\n", pattern).splitlines()
    names = [r.split()[0] for r in rows if r.endswith(" installed")]
    if not names:
        sys.exit("corpus.sh: no installed package matches " + pattern)

    def version_key(name):
        return [int(n) for n in re.findall(r"\d+", name)]

    return max(names, key=version_key)


def files(package, pattern, exclude=None):
    """Regular files of an installed package whose path matches pattern, sorted, links resolved once."""
    used.add(package)
    found, real = [], set()
    for path in sorted(run("dpkg", "-L", package).splitlines()):
        if re.search(pattern, path) and not (exclude and re.search(exclude, path)) and os.path.isfile(path):
            r = os.path.realpath(path)
            if r not in real:
                real.add(r)
                found.append(path)
    return found


def read(path):
    data = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    return data.decode("utf-8", "replace")


# ---------------------------------------------------------------- the King James Bible (bible-kjv-text)

verses = []  # (book number 0-65, chapter, text)
abbreviation, book = None, -1
for line in open(verses_file, encoding="utf-8", errors="replace"):
    ref, _, text = line.rstrip("\n").partition(" ")
    m = re.fullmatch(r"(.+?)(\d+):(\d+)", ref)
    if m.group(1) != abbreviation:
        abbreviation, book = m.group(1), book + 1
    verses.append((book, int(m.group(2)), text))
assert book + 1 == len(books) == 66, (book, len(books))
for b, name in enumerate(books):
    write("kjv", "The King James Bible: " + name, kept(t for bk, _, t in verses if bk == b))

# ---------------------------------------------------------------- the World English Bible (sword-text-web)

conf = files("sword-text-web", r"/mods\.d/[^/]+\.conf$")[0]
module = re.search(r"^\[(.+)\]", read(conf), re.M).group(1)
web, names = {}, []
for line in run("diatheke", "-b", module, "-k", "Gen 1:1-Rev 22:21").splitlines():
    # "Psalms 3:1: text"; a heading of the verse (a psalm's title) may come before the reference.
    m = re.match(r"((?:.*?>)?)\s*([^<>]+?) \d+:\d+: (.*)", line)
    if m:
        if m.group(2) not in web:
            names.append(m.group(2))
        current = web.setdefault(m.group(2), [])
        current.append(m.group(1) + " " + m.group(3))
    elif names:  # a verse that runs over a line
        current[-1] += " " + line
for name in names:
    pieces = [p for verse in web[name] for p in re.split(r"<title[^>]*>(.*?)</title>", re.sub(r"<note\b.*?</note>", "", verse))]
    write("web", "The World English Bible: " + name, kept(html.unescape(TAG.sub("", p)) for p in pieces))

# ---------------------------------------------------------------- SWORD commentaries (KJV versification)

# A SWORD verse index of the KJV versification has, per testament: the module heading, the
# testament heading, then per book a book heading and per chapter a chapter heading and its verses.
chapters = {}
for b, c, _ in verses:
    chapters.setdefault(b, {}).setdefault(c, 0)
    chapters[b][c] += 1
places = {"ot": [None, None], "nt": [None, None]}  # index -> (book, chapter); chapter 0 = introduction
for b in range(66):
    testament = places["ot" if b < 39 else "nt"]
    testament.append((b, 0))
    for c, n in sorted(chapters[b].items()):
        testament.extend([(b, c)] * (n + 1))
OSIS_BREAK = re.compile(r'<div[^>]*type="(?:x-p|paragraph)"[^>]*/>|<title[^>]*>.*?</title>|<lb\b[^>]*/>|</?p>', re.S)


def sword(package):
    """(book, chapter, paragraphs) of a zCom/zCom4 commentary module, in index order."""
    result = []
    for testament in ("ot", "nt"):
        found = files(package, r"/%s\.[a-z]zs$" % testament)
        if not found or os.path.getsize(found[0]) == 0:
            continue
        stem = found[0][:-1]
        blocks = open(stem + "s", "rb").read()
        blocks = [struct.unpack_from("<III", blocks, i) for i in range(0, len(blocks), 12)]
        data = open(stem + "z", "rb").read()
        index = open(stem + "v", "rb").read()
        entries = len(places[testament])
        # The record size tells zCom (2-byte sizes) from zCom4; mhcc's .conf names the wrong one.
        width = {entries * 10: 10, entries * 12: 12}.get(len(index))
        assert width, (package, testament, len(index))
        unpacked, done = {}, set()
        for i in range(entries):
            block, start, size = struct.unpack_from("<IIH" if width == 10 else "<III", index, i * width)
            if size == 0 or (block, start) in done:
                continue
            done.add((block, start))
            if block not in unpacked:
                offset, length, _ = blocks[block]
                unpacked[block] = zlib.decompress(data[offset:offset + length])
            text = unpacked[block][start:start + size].decode("utf-8", "replace")
            pieces = [html.unescape(TAG.sub(" ", p)) for p in OSIS_BREAK.split(text)]
            where = places[testament][i] or (-1, 0)
            result.append((where[0], where[1], pieces))
    return result


mhcc = sword("sword-comm-mhcc")
for b, name in enumerate(books):
    write("mhcc", "Matthew Henry's Concise Commentary: " + name, kept(p for bk, _, ps in mhcc if bk == b for p in ps))
scofield = sword("sword-comm-scofield")
pack("scofield", "Scofield Reference Notes (1917)",
     [(name, kept(p for bk, _, ps in scofield if bk == b for p in ps)) for b, name in enumerate(books)], target=300)
tdavid = sword("sword-comm-tdavid")
psalms = books.index("Psalms")
write("tdavid", "The Treasury of David: preface", kept(p for bk, _, ps in tdavid if bk != psalms for p in ps))
for c in sorted(chapters[psalms]):
    write("tdavid", "The Treasury of David: Psalm %d" % c, kept(p for bk, ch, ps in tdavid if bk == psalms and ch == c for p in ps))

# ---------------------------------------------------------------- dictd dictionaries

B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}


def b64(text):
    n = 0
    for c in text:
        n = n * 64 + B64[c]
    return n


def dictd(package):
    """(headword, entry text) of a dictd database in file order, less its 00-database-* entries."""
    spans, meta = {}, set()
    for line in open(files(package, r"\.index$")[0], encoding="utf-8", errors="replace"):
        key, offset, length = line.rstrip("\n").split("\t")[:3]
        span = (b64(offset), b64(length))
        if re.match(r"00-?(database|gcide|web1913)", key):
            meta.add(span)
        spans.setdefault(span, key)
    text = gzip.open(files(package, r"\.dict\.dz$")[0]).read()
    return [(spans[s], text[s[0]:s[0] + s[1]].decode("utf-8", "replace")) for s in sorted(spans) if s not in meta]


def letter(headword):
    for c in unicodedata.normalize("NFKD", headword).lower():
        if "a" <= c <= "z":
            return c
    return "#"


def by_letter(folder, collection, entries):
    """entries: (headword, paragraphs); one run of documents per initial letter, in file order."""
    groups = {}
    for headword, paragraphs in entries:
        groups.setdefault(letter(headword), []).append((headword, paragraphs))
    for key in sorted(groups):
        pack_evenly(folder, collection, groups[key])


BLANK = re.compile(r"\n[ \t]*\n")
SOURCE_TAG = re.compile(r"^\s*\[[^\]\n]*(Webster|WordNet|PJC|Century|RDH|RHUD|\bAS\b|MW10|MI11)[^\]\n]*\]\s*$", re.M)
PRONUNCIATION = re.compile(r"\s*\\[^\\\n]*\\")
MARKS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", "=": "\u0304", "-": "\u0304", "~": "\u0303",
         '"': "\u0308", ".": "\u0323", ",": "\u0327", "*": "\u030a"}
NAMED = {"ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "eth": "ð", "thorn": "þ", "ng": "ŋ", "deg": "°",
         "sect": "§", "imac": "ī", "aum": "ä", "root": "√", "yogh": "ȝ", "alpha": "α", "beta": "β",
         "gamma": "γ", "delta": "δ", "theta": "θ", "pi": "π", "mu": "μ", "sigma": "σ", "para": "¶",
         "times": "×", "frac12": "½", "frac14": "¼", "pound": "£", "cent": "¢", "middot": "·"}


def gcide_letters(text):
    """GCIDE's ASCII codes for letters: [a^] (breve), ['e], [=o], [ae], [thorn] ..."""
    text = re.sub(r"\[([a-zA-Z])\^\]", lambda m: m.group(1) + "\u0306", text)
    text = re.sub(r"\[([`'^=\-~\".,*])([a-zA-Z]{1,2})\]", lambda m: m.group(2) + MARKS[m.group(1)], text)
    return re.sub(r"\[([a-zA-Z]+[0-9]*)\]", lambda m: NAMED.get(m.group(1), m.group(0)), text)


def gcide_entry(key, text):
    text = SOURCE_TAG.sub("", text).replace("{", "").replace("}", "")
    headword, paragraphs = key, []
    for block in BLANK.split(text.strip("\n")):
        if not block.strip():
            continue
        if not block[0].isspace():  # a headword line starts a (sub)entry: "Abdomen \Ab*do"men\, n."
            first = block.split("\n", 1)[0]
            headword = first.split(" \\", 1)[0].strip() if " \\" in first else headword
            paragraphs.append(PRONUNCIATION.sub("", block, count=1))
        else:  # a sense, a quotation, a note: give it the word it belongs to
            paragraphs.append(headword + ": " + block.strip())
    return kept(gcide_letters(p) for p in paragraphs)


def glossary_entry(key, text):
    """FOLDOC and the Jargon File: a headword block (the term, maybe its part of speech), then text."""
    blocks = [b for b in BLANK.split(text.replace("{", "").replace("}", "").strip("\n")) if b.strip()]
    if len(blocks) < 2:
        return kept(blocks)
    term = blocks[0].split("\n", 1)[0].strip()
    return kept([term + ": " + blocks[1].strip()] + blocks[2:])


by_letter("gcide", "Webster's Revised Unabridged Dictionary (GCIDE)",
          [(k, gcide_entry(k, t)) for k, t in dictd("dict-gcide")])
by_letter("foldoc", "The Free On-line Dictionary of Computing", [(k, glossary_entry(k, t)) for k, t in dictd("dict-foldoc")])
pack_evenly("jargon", "The Jargon File", [(k, glossary_entry(k, t)) for k, t in dictd("dict-jargon")])
pack_evenly("devil", "The Devil's Dictionary", [(k, kept(BLANK.split(t))) for k, t in dictd("dict-devil")])

# ---------------------------------------------------------------- WordNet glosses (wordnet-base)

LEXNAMES = ("adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body "
            "noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location "
            "noun.motive noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process "
            "noun.quantity noun.relation noun.shape noun.state noun.substance noun.time verb.body verb.change "
            "verb.cognition verb.communication verb.competition verb.consumption verb.contact verb.creation "
            "verb.emotion verb.motion verb.perception verb.possession verb.social verb.stative verb.weather "
            "adj.ppl").split()
synsets = {}
wordnet = {os.path.basename(p): p for p in files("wordnet-base", r"/data\.(noun|verb|adj|adv)$")}
for pos in ("noun", "verb", "adj", "adv"):
    for line in open(wordnet["data." + pos], encoding="utf-8", errors="replace"):
        if line.startswith("  "):
            continue  # the licence
        fields, _, gloss = line.partition(" | ")
        fields = fields.split()
        count = int(fields[3], 16)
        words = [re.sub(r"\((a|p|ip)\)$", "", w).replace("_", " ") for w in fields[4:4 + 2 * count:2]]
        gloss = gloss.strip()
        if gloss.rstrip(CLOSERS)[-1:] not in ENDERS:
            gloss += "."  # a definition, not a heading, for the parser
        synsets.setdefault(int(fields[1]), []).append((words[0], ", ".join(words) + ": " + gloss))
for number in sorted(synsets):
    pack_evenly("wordnet", "WordNet 3.0 glosses, " + LEXNAMES[number], [(w, kept([g])) for w, g in synsets[number]])

# ---------------------------------------------------------------- fortune cookies (fortunes, fortunes-min)

cookie_files = [f for p in ("fortunes-min", "fortunes") for f in files(p, r"^/usr/share/games/fortunes/[^/.]+$")]
for path in sorted(cookie_files, key=os.path.basename):
    cookies = re.split(r"\n%\n", read(path))
    write("fortunes", "Fortune cookies: " + os.path.basename(path), kept(cookies))

# ---------------------------------------------------------------- Perl's documentation (perl-doc)

POD_CODE = re.compile(r"([A-Z])<([^<>]*)>")


def pod_text(text):
    text = re.sub(r"[A-Z]<<+\s+(.*?)\s+>>+", r"\1", text)
    for _ in range(4):
        text = POD_CODE.sub(lambda m: "" if m.group(1) in "XZ" else
                            {"gt": ">", "lt": "<", "verbar": "|", "sol": "/"}.get(m.group(2), m.group(2))
                            if m.group(1) == "E" else m.group(2).split("|")[0], text)
    return text


for path in files("perl-doc", r"/pod/[^/]+\.pod$"):
    paragraphs, title, skipping, name_next = [], os.path.basename(path)[:-4], False, False
    for block in BLANK.split(read(path)):
        if block.startswith("=begin"):
            skipping = True
        if block.startswith("=end"):
            skipping = False
        if skipping or not block.strip() or block[0].isspace() or block.startswith("="):
            name_next = name_next or block.startswith("=head1 NAME")
            continue
        if name_next:
            title, name_next = " ".join(pod_text(block).split()), False
            continue
        paragraphs.append(pod_text(block))
    write("perl", "Perl documentation: " + title, kept(paragraphs))

# ---------------------------------------------------------------- man pages (manpages, manpages-dev)

ROFF_CHARS = {"em": "\u2014", "en": "\u2013", "aq": "'", "dq": '"', "lq": "\u201c", "rq": "\u201d", "oq": "\u2018",
              "cq": "\u2019", "bu": "\u2022", "co": "\u00a9", "rg": "\u00ae", "mu": "\u00d7", "->": "\u2192",
              ">=": "\u2265", "<=": "\u2264", "hy": "-", "ti": "~", "ha": "^", "rs": "\\", "bv": "|", "pl": "+",
              "de": "\u00b0", "+-": "\u00b1", "tm": "\u2122", "Fo": "\u00ab", "Fc": "\u00bb"}
STRINGS = {"*(lq": "\u201c", "*(rq": "\u201d", '*(L"': "\u201c", '*(R"': "\u201d", "*(--": "\u2014", "*(Aq": "'",
           "*(PI": "\u03c0", "*(C+": "C++", "*(Tm": "\u2122"}
ROFF_ESCAPE = re.compile(r"\\(\(..|\[[^\]]*\]|\*\(..|\*\[[^\]]*\]|\*.|f\(..|f\[[^\]]*\]|f.|s[+-]?\d|[-e&~ 0|^c%:/,])")
FONT_MACROS = {"B", "I", "SM", "SB"}
ALTERNATING = {"BR", "RB", "IR", "RI", "BI", "IB"}
# Blocks left out, to the macro that ends them: no-fill text (code), tables, macro definitions,
# equations; Vb/Ve are pod2man's verbatim blocks.
SKIPPED = {"nf": "fi", "EX": "EE", "TS": "TE", "de": r"\.", "am": r"\.", "ig": r"\.", "EQ": "EN", "Vb": "Ve"}
BREAKS = {"Sp", "PP", "P", "LP", "TP", "IP", "HP", "SH", "SS", "sp", "br", "RS", "RE", "TQ", "in", "ti", "bp", "ne"}


def roff_escape(m):
    e = m.group(1)
    if e[0] == "(":
        return ROFF_CHARS.get(e[1:], "")
    if e[0] == "[":
        return ROFF_CHARS.get(e[1:-1], "")
    if e[0] in "*fsc&|^%:/,0":
        return STRINGS.get(e, "")
    return {"-": "-", "e": "\\", "~": " ", " ": " "}.get(e, "")


def roff_args(text):
    return [quoted or bare for quoted, bare in re.findall(r'"((?:[^"]|"")*)"|(\S+)', text)]


def man_paragraphs(text):
    text = re.sub(r"\\\n", "", text)
    current, skip = [], None
    for line in text.split("\n"):
        line = re.sub(r'\\".*', "", line)
        if skip:
            if re.match(r"[.']\s*(?:%s)(?:\s|$)" % skip, line):
                skip = None
            continue
        if line[:1] in (".", "'"):
            m = re.match(r"[.']\s*(\S*)\s*(.*)", line)
            macro, rest = m.group(1), m.group(2)
            if macro in FONT_MACROS:
                current.append(" ".join(roff_args(rest)))
            elif macro in ALTERNATING:
                current.append("".join(roff_args(rest)))
            elif macro in ("UR", "MT", "UE", "ME"):
                current.append(" ".join(roff_args(rest)[:1]) if macro in ("UE", "ME") else "")
            else:
                if macro in SKIPPED:
                    skip = SKIPPED[macro]
                if macro in BREAKS or skip or macro in ("TH", "nf", "fi"):
                    yield " ".join(current)
                    current = []
            continue
        if not line.strip():
            yield " ".join(current)
            current = []
            continue
        current.append(line)
    yield " ".join(current)


def man_pages(package, pattern):
    """(name(section), paragraphs) of the package's man pages, less the links (.so)."""
    for path in files(package, pattern):
        name, _, section = os.path.basename(path)[:-3].rpartition(".")
        text = read(path)
        if not re.match(r"\.so\s", text):
            yield "%s(%s)" % (name, section), kept(ROFF_ESCAPE.sub(roff_escape, p) for p in man_paragraphs(text))


sections = {}
for package in ("manpages", "manpages-dev"):
    for page in man_pages(package, r"^/usr/share/man/man[0-9][^/]*/[^/]+\.gz$"):
        sections.setdefault(page[0].split("(")[1][0], []).append(page)
for section in sorted(sections):
    pack("man", "Linux man-pages, section " + section, sections[section])
# pod2man's pages of Perl's core modules, shipped by perl-doc.
pack("perl", "Perl modules", [(name[:-7], ps) for name, ps in man_pages("perl-doc", r"/man3/[^/]+\.3perl\.gz$")])

# ---------------------------------------------------------------- Vim's help (vim-runtime)

for path in files("vim-runtime", r"/vim[0-9]*/doc/[^/]+\.txt$"):
    paragraphs = []
    for block in BLANK.split(read(path)):
        lines = []
        for line in block.split("\n"):
            if line.startswith(("\t", "    ", "<", ">")) or re.fullmatch(r"[=\-*]{3,}.*|.*~", line.strip()):
                continue  # examples, tables, separators, "Heading ~"
            line = re.sub(r"\|([^|\s]+)\|", r"\1", re.sub(r"\*[^*\s]+\*", "", line))
            lines.append(re.sub(r"\s>$", "", line))  # " >" announces an example
        paragraphs.append(" ".join(lines))
    write("vim", "Vim help: " + os.path.basename(path)[:-4], kept(paragraphs))

# ---------------------------------------------------------------- HTML manuals

HTML_DROP = re.compile(r"<(script|style|pre|head|nav|textarea|svg|math|select)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
HTML_BREAK = re.compile(r"</?(?:p|div|li|ul|ol|dl|dd|dt|h[1-6]|table|thead|tbody|tr|td|th|blockquote|br|hr|section|"
                        r"header|footer|article|aside|form|caption|figure|figcaption|body|main|center|address|"
                        r"details|summary|fieldset|legend|option|button|img)\b[^>]*>", re.I)
HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.S | re.I)
TITLE_TAIL = re.compile(r"\s+(?:\u2014|\u2013|\||-{1,2}|&mdash;|&#8212;)\s+.*$")


def html_page(path):
    text = read(path)
    m = HTML_TITLE.search(text)
    title = html.unescape(TAG.sub("", m.group(1))) if m else ""
    title = TITLE_TAIL.sub("", " ".join(title.replace("\u00b6", "").split())) or os.path.basename(path).split(".")[0]
    text = HTML_DROP.sub(" ", text)
    return title, kept(html.unescape(TAG.sub("", chunk)) if len(chunk) >= 40 else "" for chunk in HTML_BREAK.split(text))


SPHINX_SKIP = r"/_(sources|static|modules|images|downloads|sphinx_design_static)/|/(genindex|search|py-modindex|np-modindex|modindex)[^/]*\.html$"
MANUALS = [
    # folder, package (a dpkg-query glob: the newest installed one), title, paths to read, paths to skip
    ("linux", "linux-doc-[0-9]*", "The Linux kernel documentation", r"/html/.*\.html$", SPHINX_SKIP),
    ("python", "python3.[0-9]*-doc", "The Python documentation", r"/html/.*\.html$", SPHINX_SKIP + r"|/whatsnew/changelog"),
    ("postgresql", "postgresql-doc-[0-9]*", "The PostgreSQL documentation", r"/html/.*\.html$", None),
    ("django", "python-django-doc", "The Django documentation", r"/html/.*\.html$", SPHINX_SKIP + r"|/releases/"),
    ("sqlalchemy", "python-sqlalchemy-doc", "The SQLAlchemy documentation", r"/html/.*\.html$", SPHINX_SKIP),
    ("sklearn", "python-sklearn-doc", "The scikit-learn documentation", r"/html/.*\.html$", SPHINX_SKIP + r"|/whats_new"),
    ("scipy", "python-scipy-doc", "The SciPy documentation", r"/html/.*\.html$", SPHINX_SKIP + r"|/release/|/release\.html$"),
    ("sqlite", "sqlite3-doc", "The SQLite documentation", r"\.html$", None),
    ("qt", "qtbase5-doc-html", "The Qt 5 documentation", r"\.html$", r"-members\.html$|-obsolete\.html$"),
    ("git", "git-doc", "The Git documentation", r"\.html$", r"/RelNotes/"),
    ("erlang", "erlang-doc", "The Erlang/OTP documentation", r"\.html$", r"/(release_notes|notes)\.html$"),
    ("octave", "octave-doc", "The GNU Octave manual", r"/octave\.html/.*\.html$", None),
    ("r", "r-doc-html", "The R manuals", r"/manual/[^/]+\.html$", None),
    ("apache", "apache2-doc", "The Apache HTTP Server documentation", r"/manual/en/.*\.html$", None),
    ("postfix", "postfix-doc", "The Postfix documentation", r"/html/.*\.html$", None),
    ("exim", "exim4-doc-html", "The Exim specification", r"\.html$", None),
    ("bind", "bind9-doc", "The BIND 9 Administrator Reference Manual", r"/arm/[^/]+\.html$", r"/(search|genindex)\.html$"),
    ("astropy", "python-astropy-doc", "The Astropy documentation", r"/html/.*\.html$", SPHINX_SKIP + r"|/changelog\.html$"),
    ("sympy", "python-sympy-doc", "The SymPy documentation", r"/html/.*\.html$", SPHINX_SKIP + r"|/release"),
    ("gimp", "gimp-help-en", "The GIMP user manual", r"/help/en/[^/]+\.html$", None),
    ("pandas", "python-pandas-doc", "The pandas documentation", r"/html/.*\.html$", SPHINX_SKIP + r"|/whatsnew/"),
    ("boost", "libboost[0-9.]*-doc", "The Boost C++ Libraries documentation", r"\.html?$", None),
    ("gtk", "libgtk-3-doc", "The GTK 3 reference manual", r"\.html$", None),
    ("lilypond", "lilypond-doc-html", "The LilyPond documentation", r"\.html$", r"\.[a-z]{2}(_[a-z]+)?\.html$"),
    ("x11", "libx11-doc", "The Xlib documentation", r"\.html$", r"/compose/"),
    ("gnucash", "gnucash-docs", "The GnuCash documentation", r"/gnucash-(guide|help)-(C|en)/[^/]+\.html$", None),
    ("debian", "debian-policy", "Debian Policy", r"\.html$", r"/(genindex|search)\.html$"),
    ("debian", "developers-reference", "Debian Developer's Reference", r"^/usr/share/developers-reference/[^/]+\.html$", None),
    ("debian", "debian-faq", "The Debian FAQ", r"\.en\.html$", None),
    ("debian", "debian-handbook", "The Debian Administrator's Handbook", r"/html/en-US/[^/]+\.html$", None),
    ("debian", "debian-reference-en", "Debian Reference", r"\.en\.html$", None),
    ("debian", "installation-guide-*", "The Debian installation guide", r"/en/[^/]+\.html$", None),
    ("debian", "debian-edu-doc-en", "The Debian Edu manual", r"\.html$", None),
    ("debian", "debian-history", "A Brief History of Debian", r"\.en\.html$", None),
    ("gnu", "gnu-standards", "GNU Coding Standards and Maintainers Information", r"\.html$", None),
]
for folder, pattern, collection, wanted, unwanted in MANUALS:
    package = newest(pattern)
    pages = [html_page(p) for p in files(package, wanted, unwanted)]
    pack(folder, collection, pages)

# ---------------------------------------------------------------- what was built

with open(os.path.join(out, ".stats"), "w") as f:
    f.write("# folder documents paragraphs (as written; see corpus.sh)\n")
    for folder in sorted(stats):
        f.write("%s %d %d\n" % (folder, *stats[folder]))
    f.write("# dropped\n")
    for reason in sorted(dropped):
        f.write("%s: %d\n" % (reason, dropped[reason]))

# ---------------------------------------------------------------- counted again, as the parser reads the files

documents = paragraphs = headings = furniture = size = 0
lengths = []
for folder, _, names in sorted(os.walk(commentary)):
    for name in sorted(names):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            text = f.read()
        size += len(text.encode("utf-8"))
        documents += 1
        lines = [line.strip() for line in re.split(r"\r\n|\r|\n", text) if line.strip()]
        content = lines[1:] if java_len(lines[0]) <= 300 else lines
        end = len(content)
        while end > 0 and short_unpunctuated(content[end - 1]):
            end -= 1
        furniture += len(content) - end
        for i, line in enumerate(content[:end]):
            if i < end - 1 and short_unpunctuated(line):
                headings += 1
            else:
                paragraphs += -(-java_len(line) // 10_000)  # LongParagraphs.split, at most
                lengths.append(len(line))
lines_minus_titles = sum(stats[f][1] for f in stats)
if headings or furniture or paragraphs != lines_minus_titles:
    sys.exit("corpus.sh: the parser would read %d paragraphs, %d headings, %d furniture lines; written %d"
             % (paragraphs, headings, furniture, lines_minus_titles))
with open(os.path.join(out, ".source"), "w") as f:
    f.write(run("dpkg-query", "-W", "-f=${Package} ${Version}\n", *sorted(used)))
print(documents, paragraphs, size, round(statistics.mean(lengths)), round(statistics.median(lengths)))
PY
  )
  read -r docs paragraphs bytes mean median <<<"$counts"
  if [ "$paragraphs" -lt 900000 ]; then
    echo "corpus.sh: million has $paragraphs paragraphs, expected at least 900,000;" \
      "left in ${build#"$root"/} (see its .stats)" >&2
    exit 1
  fi
  rm -rf "$out"
  mv "$build" "$out"
  echo "corpus.sh: million built in $((SECONDS - start)) s" >&2
  echo "million: $((docs + 1)) documents in ${out#"$root"/} ($docs in commentary/ + article.txt)," \
    "$paragraphs paragraphs in commentary/ (its non-empty lines less one title a document, as" \
    "TextDocumentParser reads them), $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB," \
    "$mean characters a paragraph on average (median $median)," \
    "from $(tr '\n' ' ' <"$out/.source")"
}

case "${1:-kjv}" in
  kjv) build_kjv ;;
  million) build_million ;;
  all)
    build_kjv
    build_million
    ;;
  *)
    echo "usage: bench/corpus.sh [kjv|million|all]" >&2
    exit 2
    ;;
esac
