#!/usr/bin/env python3
"""Writes westbridge-autonumber.docx: a council protocol as Word keeps it, with a title
page stacked in Normal paragraphs, Word's automatic numbering (1. / 1.1 / (a) / (i)),
Symbol bullets, two footnotes, a text box (drawn twice, as Word does: the DrawingML text
box and its VML fallback), a table, and empty paragraphs used as spacing.

Run from this folder: python3 make_westbridge_docx.py (same bytes every time).
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
import wordml_package  # noqa: E402
from wordml_package import ROOT_RELS, content_types, document_rels, run  # noqa: E402

W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
     'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
     'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
     'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
     'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
     'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"')

CONTENT_TYPES = content_types(['styles', 'numbering', 'footnotes'])

DOC_RELS = document_rels(['styles', 'numbering', 'footnotes'])

STYLES = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>
  <w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
</w:styles>'''

# One multi-level list: 1. / 1.1 / (a) / (i), and a bullet list in Symbol.
NUMBERING = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="0">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%4)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/>
    <w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>'''

FOOTNOTES = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes {W}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>
  <w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>
  <w:r><w:t xml:space="preserve"> The Members' Code of Conduct adopted by the Council on 14 July 2021.</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>
  <w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>
  <w:r><w:t xml:space="preserve"> Sections 100A to 100K of the Local Government Act 1972, as amended.</w:t></w:r></w:p></w:footnote>
</w:footnotes>'''


def footnote(n):
    return (f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            f'<w:footnoteReference w:id="{n}"/></w:r>')


def para(content='', style=None, num=None, ilvl=0):
    ppr = ''
    if style or num:
        ppr = '<w:pPr>'
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'
        ppr += '</w:pPr>'
    if content and not content.startswith('<'):
        content = run(content)
    return f'<w:p>{ppr}{content}</w:p>'


def clause(content, ilvl=1):
    return para(content, style='ListParagraph', num=1, ilvl=ilvl)


def text_box(paragraphs):
    """A floating text box as Word writes it: DrawingML, then the VML fallback."""
    inner = ''.join(para(p) for p in paragraphs)
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" behindDoc="0" '
            'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            '<wp:extent cx="5400000" cy="540000"/><wp:wrapTopAndBottom/><wp:docPr id="1" name="Key point"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<wps:wsp><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5400000" cy="540000"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx>'
            f'<w:txbxContent>{inner}</w:txbxContent>'
            '</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
            '<mc:Fallback><w:pict><v:rect style="width:425pt;height:42.5pt"><v:textbox>'
            f'<w:txbxContent>{inner}</w:txbxContent>'
            '</v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def cell(text):
    return f'<w:tc><w:p>{run(text)}</w:p></w:tc>'


BODY = ''.join([
    para('Westbridge City Council'),
    para('Constitution \u2013 Part 5: Codes and Protocols'),
    para(),
    para('Protocol on Member and Officer Relations', style='Title'),
    para(),
    para('Introduction', style='Heading1'),
    clause(run('This Protocol guides the relationship between the councillors and the officers of the '
               'Council. It should be read with the Members\u2019 Code of Conduct') + footnote(1) +
           run(' and the Officers\u2019 Code of Conduct.')),
    clause('Where this Protocol and either Code appear to differ, the Code prevails, and the Monitoring '
           'Officer will advise.'),
    para(),
    para('Roles', style='Heading1'),
    clause('Councillors are accountable to the people of their ward and to the Council. In their work with '
           'officers they should:'),
    clause('give clear instructions only through the proper channels;', ilvl=2),
    clause('respect the professional advice of officers, in particular the advice of:', ilvl=2),
    clause('the Head of Paid Service;', ilvl=3),
    clause('the Chief Finance Officer; and', ilvl=3),
    clause('the Monitoring Officer; and', ilvl=3),
    clause('not ask an officer to do anything that would compromise their neutrality.', ilvl=2),
    clause(run('Officers serve the Council as a whole and give ') + run('impartial', bold=True) +
           run(' advice to every councillor, whatever their party.') +
           text_box(['Key point: an officer who is asked to act politically should say no, politely, '
                     'and tell their manager.'])),
    para(),
    para('Access to Information', style='Heading1'),
    clause(run('Councillors have a right to see the Council\u2019s documents where they need them for '
               'their work, as the law provides') + footnote(2) + run('. The right does not extend to:')),
    para('papers about a matter in which the councillor has a personal interest;', num=2),
    para('advice given to the Council by its lawyers in a dispute with the councillor; or', num=2),
    para('personal data which the councillor does not need.', num=2),
    clause('Requests should be made to the officers below.'),
    '<w:tbl>'
    '<w:tr>' + cell('Subject') + cell('Officer') + '</w:tr>'
    '<w:tr>' + cell('Committee papers') + cell('Democratic Services Manager') + '</w:tr>'
    '<w:tr>' + cell('Ward matters') + cell('Head of Neighbourhoods') + '</w:tr>'
    '</w:tbl>',
    para(),
    para('Breaches of this Protocol', style='Heading1'),
    clause('A councillor who thinks an officer has breached this Protocol should tell the Chief Executive.'),
    clause('An officer who thinks a councillor has breached it should tell the Monitoring Officer, who may '
           'refer the matter to the Standards Committee.'),
])

DOCUMENT = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>{BODY}<w:sectPr/></w:body></w:document>'''


def write_docx(name, parts):
    wordml_package.write_docx(name, parts, date=(2024, 5, 1))


write_docx('westbridge-autonumber.docx', [
    ('[Content_Types].xml', CONTENT_TYPES),
    ('_rels/.rels', ROOT_RELS),
    ('word/_rels/document.xml.rels', DOC_RELS),
    ('word/document.xml', DOCUMENT),
    ('word/styles.xml', STYLES),
    ('word/numbering.xml', NUMBERING),
    ('word/footnotes.xml', FOOTNOTES),
])
