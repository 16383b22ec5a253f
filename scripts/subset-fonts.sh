#!/usr/bin/env bash
# Subsets KERN's Fira Sans to what Mosaik's pages use (issue 16: a first visit
# under 150 KB): the three upright weights KERN's stylesheet asks for (400
# body, 500 sublines, 600 headings and labels), each split by script so that a
# browser downloads only the part a page's text needs (unicode-range in
# public/fonts/fira-sans.css). Arabic is not in Fira Sans: Arabic text falls
# back to the system's fonts. The results are committed in public/fonts/;
# run this again only when KERN's fonts change. Fira Sans is under the SIL Open Font
# License 1.1 (kept in each file's name table), which allows subsets.
#
# Needs fontTools with brotli (Debian: apt-get install python3-fonttools python3-brotli;
# the system Python, as Debian installs them there).
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=node_modules/@kern-ux/native/dist/fonts/fira-sans
target=public/fonts
# Latin and Cyrillic as Google Fonts splits them; Latin Extended only its part
# A (Turkish, Polish, Czech, Croatian, …) and Romanian's ș ț: the full range
# (Vietnamese, phonetics) tripled the file. Other letters fall back to the system's fonts.
latin='U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD'
latin_ext='U+0100-017F,U+0218-021B,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113'
cyrillic='U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116'
for face in 400:Regular 500:Medium 600:SemiBold; do
  weight=${face%%:*}
  name=${face#*:}
  for script in latin latin_ext cyrillic; do
    /usr/bin/python3 -m fontTools.subset "$source_dir/FiraSans-$name.woff2" --unicodes="${!script}" --flavor=woff2 \
      --layout-features='kern,liga,calt,ccmp,locl,mark,mkmk' --no-hinting --desubroutinize --name-IDs='*' \
      --output-file="$target/fira-sans-$weight-${script/_/-}.woff2"
  done
done
ls -l "$target"
