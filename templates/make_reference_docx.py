#!/usr/bin/env python3
"""Builds templates/reference.docx, protopub's default Word house style.

Only the styles, page set-up, header and footer of this file are used: protopub writes
the body. A council replaces it with its own template (--reference-docx FILE); to change
the default, edit this script and run it again (the output is byte-for-byte reproducible:
fixed entry order and time stamps).

    python3 templates/make_reference_docx.py templates/reference.docx
"""
import sys
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
BODY_FONT = 'Arial'
HEADING_FONT = 'Arial'


def fonts(name):
    return f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" w:cs="{name}"/>'


def para_style(style_id, name, ppr='', rpr='', based_on='Normal', next_style=None, builtin=False):
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ''
    nxt = f'<w:next w:val="{next_style}"/>' if next_style else ''
    custom = '' if builtin else ' w:customStyle="1"'
    return (f'<w:style w:type="paragraph"{custom} w:styleId="{style_id}">' +
            f'<w:name w:val="{name}"/>{based}{nxt}<w:qFormat/>'
            f'<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>')


def heading(level, size, italic=False):
    space_before = {1: 360, 2: 240, 3: 200, 4: 160}[level]
    ppr = (f'<w:keepNext/><w:keepLines/><w:spacing w:before="{space_before}" w:after="120"/>'
           f'<w:ind w:left="720" w:hanging="720"/><w:outlineLvl w:val="{level - 1}"/>')
    rpr = fonts(HEADING_FONT) + '<w:b/>' + ('<w:i/>' if italic else '') + \
        f'<w:color w:val="1F3864"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    return para_style(f'Heading{level}', f'heading {level}', ppr, rpr, next_style='Normal', builtin=True)


def clause_styles():
    """Clause Level n: the number hangs in the margin, the words align at the indent.
    Clause Text n: a further paragraph of the same clause, aligned with its words."""
    out = []
    for depth, (left, hanging) in enumerate([(720, 720), (720, 720), (1588, 868), (2552, 964)], start=1):
        ppr = f'<w:tabs><w:tab w:val="left" w:pos="{left}"/></w:tabs><w:ind w:left="{left}" w:hanging="{hanging}"/>'
        out.append(para_style(f'ClauseLevel{depth}', f'Clause Level {depth}', ppr))
        out.append(para_style(f'ClauseText{depth}', f'Clause Text {depth}', f'<w:ind w:left="{left}"/>'))
    return ''.join(out)


def styles():
    toc = ''.join(para_style(f'TOC{n}', f'toc {n}',
                             f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9402"/></w:tabs>'
                             f'<w:spacing w:after="60"/><w:ind w:left="{(n - 1) * 240}"/>',
                             '<w:b/>' if n == 1 else '', next_style='Normal', builtin=True)
                  for n in (1, 2, 3))
    return DECL + f'<w:styles {W}>' + (
        '<w:docDefaults><w:rPrDefault><w:rPr>' + fonts(BODY_FONT) +
        '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/>'
        '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/>'
        '</w:pPr></w:pPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:semiHidden/></w:style>' +
        para_style('Title', 'Title', '<w:spacing w:before="0" w:after="240"/>',
                   fonts(HEADING_FONT) + '<w:b/><w:color w:val="1F3864"/><w:sz w:val="40"/><w:szCs w:val="40"/>',
                   next_style='Normal', builtin=True) +
        para_style('Subtitle', 'Subtitle', '<w:spacing w:after="240"/>',
                   '<w:color w:val="404040"/><w:sz w:val="26"/><w:szCs w:val="26"/>', next_style='Normal', builtin=True) +
        ''.join(heading(level, size, italic=(level == 4)) for level, size in ((1, 30), (2, 26), (3, 23), (4, 22))) +
        clause_styles() +
        para_style('ListParagraph', 'List Paragraph', '<w:spacing w:after="60"/><w:contextualSpacing/>', builtin=True) +
        para_style('Quote', 'Quote', '<w:ind w:left="1440" w:right="720"/>', '<w:i/><w:color w:val="404040"/>',
                   builtin=True) +
        para_style('TableText', 'Table Text', '<w:spacing w:before="40" w:after="40"/>', '<w:sz w:val="20"/><w:szCs w:val="20"/>') +
        para_style('TOCHeading', 'TOC Heading', '<w:keepNext/><w:spacing w:before="240" w:after="120"/>',
                   fonts(HEADING_FONT) + '<w:b/><w:color w:val="1F3864"/><w:sz w:val="26"/><w:szCs w:val="26"/>',
                   next_style='Normal', builtin=True) +
        toc +
        para_style('Header', 'header', '<w:tabs><w:tab w:val="right" w:pos="9402"/></w:tabs><w:spacing w:after="0"/>',
                   '<w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/>', builtin=True) +
        para_style('Footer', 'footer', '<w:jc w:val="center"/><w:spacing w:after="0"/>',
                   '<w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/>', builtin=True) +
        '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:color w:val="1F4E9A"/><w:u w:val="single"/></w:rPr></w:style>'
        '<w:style w:type="character" w:customStyle="1" w:styleId="VerbatimChar"><w:name w:val="Verbatim Char"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:rPr>' + fonts('Courier New') + '<w:sz w:val="20"/></w:rPr></w:style>'
        '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>'
        '<w:pPr><w:spacing w:after="0"/></w:pPr><w:tblPr><w:tblBorders>' +
        ''.join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
                for side in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV')) +
        '</w:tblBorders></w:tblPr></w:style>'
    ) + '</w:styles>'


def field_run(instr, placeholder):
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{placeholder}</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


PARTS = [
    ('[Content_Types].xml', DECL +
     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
     '<Default Extension="xml" ContentType="application/xml"/>'
     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
     '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
     '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
     '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
     '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
     '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
     '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
     '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
     '</Types>'),
    ('_rels/.rels', DECL +
     '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
     '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
     '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
     '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
     '</Relationships>'),
    ('docProps/core.xml', DECL +
     '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
     'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>protopub reference document</dc:title></cp:coreProperties>'),
    ('docProps/app.xml', DECL +
     '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
     '<Application>protopub</Application></Properties>'),
    ('word/_rels/document.xml.rels', DECL +
     '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
     '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
     '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
     '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>'
     '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
     '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
     '</Relationships>'),
    ('word/document.xml', DECL + f'<w:document {W}><w:body>'
     '<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Reference document</w:t></w:r></w:p>'
     '<w:p><w:r><w:t>protopub replaces this body; the styles, page set-up, header and footer are kept.</w:t></w:r></w:p>'
     '<w:sectPr><w:headerReference w:type="default" r:id="rId4"/><w:footerReference w:type="default" r:id="rId5"/>'
     '<w:pgSz w:w="11906" w:h="16838"/>'
     '<w:pgMar w:top="1247" w:right="1247" w:bottom="1247" w:left="1247" w:header="567" w:footer="567" w:gutter="0"/>'
     '<w:cols w:space="708"/></w:sectPr></w:body></w:document>'),
    ('word/styles.xml', styles()),
    ('word/settings.xml', DECL + f'<w:settings {W}><w:defaultTabStop w:val="720"/>'
     '<w:characterSpacingControl w:val="doNotCompress"/><w:compat>'
     '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
     '</w:compat></w:settings>'),
    ('word/fontTable.xml', DECL + f'<w:fonts {W}>'
     '<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
     '<w:font w:name="Courier New"><w:panose1 w:val="02070309020205020404"/><w:charset w:val="00"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
     '</w:fonts>'),
    ('word/header1.xml', DECL + f'<w:hdr {W}><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>' +
     field_run('TITLE', 'Title') + '</w:p></w:hdr>'),
    ('word/footer1.xml', DECL + f'<w:ftr {W}><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>'
     '<w:r><w:t xml:space="preserve">Page </w:t></w:r>' + field_run('PAGE', '1') +
     '<w:r><w:t xml:space="preserve"> of </w:t></w:r>' + field_run('NUMPAGES', '1') + '</w:p></w:ftr>'),
]


def main(path):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as package:
        for name, text in PARTS:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            package.writestr(info, text.encode('utf-8'))


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else 'templates/reference.docx')
