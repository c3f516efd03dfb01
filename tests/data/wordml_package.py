"""The package around a hand-written WordprocessingML test fixture: content types, the
relationships and a zip with fixed dates, so a fixture script is the same bytes every time.
Used by tests/data/import/make_fixtures.py and tests/data/import-unseen/make_westbridge_docx.py.
"""
import zipfile

_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml'
_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'


def content_types(parts):
    """[Content_Types].xml for word/document.xml and the named word/ parts ('styles', ...)."""
    overrides = ''.join(f'\n<Override PartName="/word/{p}.xml" ContentType="{_MAIN}.{p}+xml"/>' for p in parts)
    return f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{_MAIN}.document.main+xml"/>{overrides}
</Types>'''


ROOT_RELS = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{_RELS}/officeDocument" Target="word/document.xml"/>
</Relationships>'''


def document_rels(parts, extra=''):
    """word/_rels/document.xml.rels: rId1, rId2, ... for the named parts, then `extra`."""
    rels = ''.join(f'\n<Relationship Id="rId{k}" Type="{_RELS}/{p}" Target="{p}.xml"/>'
                   for k, p in enumerate(parts, 1))
    return f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}{extra}
</Relationships>'''


def run(text, bold=False, italic=False):
    """A run of text, bold and/or italic."""
    props = ''
    if bold or italic:
        props = '<w:rPr>' + ('<w:b/>' if bold else '') + ('<w:i/>' if italic else '') + '</w:rPr>'
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def write_docx(name, parts, date=(2024, 1, 1)):
    """Writes (part name, text) pairs as a zip whose entries all carry `date`."""
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
        for part, data in parts:
            info = zipfile.ZipInfo(part, date_time=(*date, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
