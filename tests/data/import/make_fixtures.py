#!/usr/bin/env python3
"""Writes the small .docx fixtures of tests/import/ from hand-written WordprocessingML.

Run from this folder: python3 make_fixtures.py. The zip entries get a fixed date so the
files are the same bytes every time. seed-003.docx is made separately with LibreOffice
(see README.md here).
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
import wordml_package  # noqa: E402
from wordml_package import ROOT_RELS, content_types, document_rels, run  # noqa: E402

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

CONTENT_TYPES = content_types(['styles', 'numbering'])

DOC_RELS = document_rels(['styles', 'numbering'], '\n<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.example.gov.uk/constitution" TargetMode="External"/>')

STYLES = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>
</w:styles>'''

# List 1: 1. / 1.1 / (a) / (i), legal numbering for clauses. List 2: bullets.
# List 3 is list 1 again with its letters starting at (d) (a w:startOverride).
NUMBERING = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="10">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%4)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="20">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
</w:numbering>'''


def para(content, style=None, num=None, ilvl=0):
    ppr = ''
    if style or num:
        ppr = '<w:pPr>'
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'
        ppr += '</w:pPr>'
    if not content.startswith('<'):
        content = run(content)
    return f'<w:p>{ppr}{content}</w:p>'


def cell(text):
    return f'<w:tc><w:p>{run(text)}</w:p></w:tc>'


BODY = ''.join([
    para('Protocol on Member and Officer Relations', style='Title'),
    para('Introduction', style='Heading1'),
    para('The purpose of this Protocol is to guide Councillors and officers.', num=1, ilvl=1),
    para(run('Breaches are dealt with under ') + run('Part 3', bold=True) + run(' of this ') +
         run('Constitution', italic=True) + run('.'), num=1, ilvl=1),
    para('Roles', style='Heading1'),
    para('Councillors must have regard to the advice of the:', num=1, ilvl=1),
    para('Chief Finance Officer;', num=1, ilvl=2),
    para('Monitoring Officer, who may:', num=1, ilvl=2),
    para('advise on the law;', num=1, ilvl=3),
    para('report to Council.', num=1, ilvl=3),
    para('Officers are responsible to the Council as a whole:', num=1, ilvl=1),
    para('through the formal decision-making process;', num=2),
    para('within their levels of authority.', num=2),
    para('Each Councillor will receive:', num=1, ilvl=1),
    para('a copy of this Protocol;', num=3, ilvl=2),
    para('induction training.', num=3, ilvl=2),
    para('Contacts', style='Heading1'),
    para(run('The contacts are listed below and on the ') +
         '<w:hyperlink r:id="rId3">' + run('council website') + '</w:hyperlink>' + run('.'), num=1, ilvl=1),
    '<w:tbl>'
    '<w:tr>' + cell('Who') + cell('Whom to tell') + '</w:tr>'
    '<w:tr>' + cell('Officer') + cell('Chief Executive') + '</w:tr>'
    '<w:tr>' + cell('Councillor') + cell('Monitoring Officer') + '</w:tr>'
    '</w:tbl>',
    para(run('Complaints go to the ') +
         '<w:del w:id="1" w:author="Clerk"><w:r><w:delText>Chief Executive</w:delText></w:r></w:del>' +
         '<w:ins w:id="2" w:author="Clerk">' + run('Monitoring Officer') + '</w:ins>' + run('.'), num=1, ilvl=1),
])

DOCUMENT = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>{BODY}<w:sectPr/></w:body></w:document>'''


def write_docx(name, parts):
    wordml_package.write_docx(name, parts, date=(2024, 1, 1))


write_docx('numbered.docx', [
    ('[Content_Types].xml', CONTENT_TYPES), ('_rels/.rels', ROOT_RELS),
    ('word/_rels/document.xml.rels', DOC_RELS), ('word/document.xml', DOCUMENT),
    ('word/styles.xml', STYLES), ('word/numbering.xml', NUMBERING)])

# A zip that is not a Word document.
write_docx('not-word.docx', [('[Content_Types].xml', CONTENT_TYPES), ('notes.txt', 'hello')])

# A package whose entry climbs out of it.
write_docx('escape.docx', [('../evil.xml', '<x/>'), ('word/document.xml', DOCUMENT)])


def relaid_text(source_md):
    """Guildford's protocol as pdftotext gives a council's PDF: numbers and a tab,
    lines wrapped at 78 characters, Symbol-font bullets (U+F0B7), a running header and
    "Page N of M" footers between pages. A layout none of the seeds has."""
    import re
    import textwrap
    body = source_md.split('\n---\n', 1)[1]
    out = []
    for block in body.strip().split('\n\n'):
        for line in block.split('\n'):
            line = re.sub(r' ?\{#[^}]*\}', '', line)
            line = re.sub(r'\\(.)', r'\1', line)
            line = re.sub(r'<(https?://[^>]+)>', r'\1', line)
            m = re.match(r'^## (\d+\.) (.*)$', line)
            if m:
                out += [f'{m.group(1)}\t{m.group(2)}', '']
                continue
            m = re.match(r'^- ([a-z]\)) (.*)$', line)
            if m:
                out += textwrap.wrap(f'{m.group(1)}\t{m.group(2)}', 78) + ['']
                continue
            m = re.match(r'^- (.*)$', line)
            if m:
                out += ['\t\uf0b7\t' + w for w in textwrap.wrap(m.group(1), 70)[:1]]
                out += textwrap.wrap(m.group(1), 70)[1:] + ['']
                continue
            m = re.match(r'^(\d+\.\d+) (.*)$', line)
            if m:
                line = f'{m.group(1)}\t{m.group(2)}'
            if line.startswith('#'):
                line = line.lstrip('# ')
            out += textwrap.wrap(line, 78, expand_tabs=False) + ['']
    pages = [out[i:i + 50] for i in range(0, len(out), 50)]
    text = ''
    for n, page in enumerate(pages, 1):
        if n > 1:
            text += 'Guildford Borough Council \u2013 Constitution Part 5\n\n'
        text += '\n'.join(page) + f'\n\nPage {n} of {len(pages)}\n\f'
    return text


with open('../../../protocol-source/guildford-borough-council.md', encoding='utf-8') as f:
    relaid = relaid_text(f.read())
with open('guildford-relaid.txt', 'w', encoding='utf-8') as f:
    f.write('JOINT PROTOCOL ON COUNCILLOR & OFFICER RELATIONSHIPS\n\n' + relaid)
