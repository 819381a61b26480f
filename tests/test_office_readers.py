"""The Word and OpenDocument XML readers (markup/docx.py, markup/odt.py), part by part, on XML
written here in the shapes Word and Writer write: what is copy (insertions, fields' results,
links, text boxes) and what is not (deletions, moved-away text, field codes, comments, notes)."""
from copycheck.markup import docx, odt

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')


def word(body: str, styles: str = "") -> list:
    xml = f"<w:document {W_NS}><w:body>{body}<w:sectPr/></w:body></w:document>".encode()
    style_xml = f"<w:styles {W_NS}>{styles}</w:styles>".encode() if styles else None
    return list(docx.paragraphs(xml, style_xml))


def r(text: str) -> str:
    return f"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{text}</w:t></w:r>"


def test_word_reads_insertions_and_field_results_but_not_deletions_moves_or_field_codes():
    body = (f"<w:p>{r('Our peels are ')}<w:ins w:id=\"1\">{r('painless and ')}</w:ins>"
            f"<w:del w:id=\"2\"><w:r><w:delText>a miracle, </w:delText></w:r></w:del>"
            f"<w:moveFrom w:id=\"3\">{r('moved away ')}</w:moveFrom><w:moveTo w:id=\"4\">{r('gentle')}</w:moveTo>"
            f"<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>HYPERLINK \"https://x\"</w:instrText></w:r>"
            f"<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>{r(', see prices')}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
            f"<w:hyperlink w:history=\"1\">{r(' here')}</w:hyperlink><w:fldSimple w:instr=\"PAGE\">{r(' 3')}</w:fldSimple>"
            f"<w:r><w:footnoteReference w:id=\"1\"/></w:r><w:commentRangeStart w:id=\"0\"/>"
            f"<w:r><w:t>.</w:t><w:tab/><w:t>Book</w:t><w:br/><w:t>now</w:t></w:r></w:p>")
    assert word(body) == [("paragraph", "Our peels are painless and gentle, see prices here 3.\tBook now")]


def test_word_headings_lists_and_table_cells_by_style_outline_and_numbering():
    styles = ('<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="My heading"/><w:basedOn w:val="berschrift1"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Bullets"><w:name w:val="List Bullet"/>'
              '<w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>')
    body = ('<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Peels</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:pStyle w:val="berschrift1"/></w:pPr><w:r><w:t>A</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:pStyle w:val="Mine"/></w:pPr><w:r><w:t>B</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>C</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:outlineLvl w:val="9"/></w:pPr><w:r><w:t>body text</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:pStyle w:val="Bullets"/></w:pPr><w:r><w:t>item by style</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:pStyle w:val="Bullets"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>not numbered</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>item</w:t></w:r></w:p>'
            '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:trPr/><w:tc><w:tcPr/>'
            '<w:p><w:r><w:t>cell</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>inner</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
            '</w:tc></w:tr></w:tbl>'
            '<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>control</w:t></w:r></w:p></w:sdtContent></w:sdt>'
            '<w:p/>')
    assert word(body, styles) == [
        ("heading", "Peels"), ("heading", "A"), ("heading", "B"), ("heading", "C"), ("paragraph", "body text"),
        ("list", "item by style"), ("paragraph", "not numbered"), ("list", "item"),
        ("table", "cell"), ("table", "inner"), ("paragraph", "control"), ("paragraph", "")]


def test_word_text_boxes_follow_their_paragraph_and_the_fallback_copy_is_not_read():
    box = '<w:txbxContent><w:p><w:r><w:t>Painless!</w:t></w:r></w:p></w:txbxContent>'
    body = (f'<w:p><w:r><w:t>Before</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">'
            f'<w:drawing><wrapper>{box}</wrapper></w:drawing></mc:Choice><mc:Fallback><w:pict>{box}</w:pict>'
            f'</mc:Fallback></mc:AlternateContent></w:r><w:r><w:t> after</w:t></w:r></w:p>'
            f'<w:p><w:r><w:t>Next</w:t></w:r></w:p>')
    assert word(body) == [("paragraph", "Before after"), ("paragraph", "Painless!"), ("paragraph", "Next")]


O_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"')


def writer(body: str, styles: str = "") -> list:
    xml = (f"<office:document-content {O_NS}><office:automatic-styles>{styles}</office:automatic-styles>"
           f"<office:body><office:text>{body}</office:text></office:body></office:document-content>").encode()
    return list(odt.paragraphs(xml))


def test_writer_reads_spaces_tabs_and_breaks_and_collapses_white_space_as_odf_says():
    body = ('<text:p>\n   Our <text:span>peels</text:span>  are<text:s text:c="3"/>gentle.<text:tab/>Book'
            '<text:line-break/>now <text:a xlink:href="x" xmlns:xlink="http://www.w3.org/1999/xlink">here</text:a>\n</text:p>')
    assert writer(body) == [("paragraph", "Our peels are   gentle.\tBook now here ")]


def test_writer_leaves_out_comments_notes_deletions_and_indexes_and_keeps_the_text_after_them():
    body = ('<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
            '<text:p>a miracle cure</text:p></text:deletion></text:changed-region></text:tracked-changes>'
            '<text:table-of-content><text:index-body><text:p>Painless peels 1</text:p></text:index-body></text:table-of-content>'
            '<text:p>Peels<office:annotation><dc:creator>Ed</dc:creator><text:p>Is painless OK?</text:p></office:annotation>'
            ' suit<text:change text:change-id="c1"/> most skin<text:note text:note-class="footnote"><text:note-citation>1'
            '</text:note-citation><text:note-body><text:p>Clinically proven.</text:p></text:note-body></text:note>.</text:p>')
    assert writer(body) == [("paragraph", "Peels suit most skin.")]


def test_writer_headings_lists_tables_and_text_boxes():
    styles = '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>'
    body = ('<text:p text:style-name="P1">Peels</text:p><text:h text:outline-level="2">Why us</text:h>'
            '<text:list><text:list-item><text:p>one</text:p><text:list><text:list-item><text:p>inner</text:p>'
            '</text:list-item></text:list></text:list-item></text:list>'
            '<table:table><table:table-header-rows><table:table-row><table:table-cell><text:p>Area</text:p>'
            '</table:table-cell></table:table-row></table:table-header-rows><table:table-row><table:table-cell>'
            '<text:list><text:list-item><text:p>listed</text:p></text:list-item></text:list></table:table-cell>'
            '<table:covered-table-cell/></table:table-row></table:table>'
            '<text:p>With a box<draw:frame><draw:text-box><text:p>Boxed</text:p></draw:text-box></draw:frame>.</text:p>'
            '<text:p/>')
    assert writer(body, styles) == [
        ("heading", "Peels"), ("heading", "Why us"), ("list", "one"), ("list", "inner"), ("table", "Area"),
        ("table", "listed"), ("paragraph", "With a box."), ("paragraph", "Boxed"), ("paragraph", "")]
