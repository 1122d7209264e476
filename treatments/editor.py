"""
The article editor's configuration (CKEditor 5 in the admin). Whatever it
sends is sanitised with nh3 on the server (treatments/sanitise.py): the
editor is not trusted. Read by settings.CKEDITOR_5_CONFIGS.
"""

ARTICLE_EDITOR = {
    "toolbar": {
        "items": [
            "heading",
            "|",
            "bold",
            "italic",
            "link",
            "|",
            "bulletedList",
            "numberedList",
            "blockQuote",
            "style",
            "|",
            "insertTable",
            "imageUpload",
            "|",
            "removeFormat",
            "undo",
            "redo",
        ],
    },
    "heading": {
        "options": [
            {"model": "paragraph", "title": "Paragraph", "class": "ck-heading_paragraph"},
            # A document's Heading 1 is the page's first section level (h2), and deeper
            # headings than the editor offers are kept as its last (static/admin_extra/article_paste.js
            # moves a pasted document's headings down a level first).
            {
                "model": "heading2",
                "view": "h2",
                "title": "Heading 2 (section)",
                "class": "ck-heading_heading2",
                "upcastAlso": ["h1"],
            },
            {
                "model": "heading3",
                "view": "h3",
                "title": "Heading 3",
                "class": "ck-heading_heading3",
                "upcastAlso": ["h4", "h5", "h6"],
            },
        ]
    },
    "image": {"toolbar": ["imageTextAlternative", "|", "toggleImageCaption"]},
    "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
    "link": {"defaultProtocol": "https://"},
    # Two kinds of box, applied to a quote block ("Styles" menu); the page shows them
    # as a labelled "Key facts" box and as a quote with who said it (treatments/boxes.py).
    # And one mark on words (treatments/glossary/linking.py).
    "style": {
        "definitions": [
            {"name": "Key facts box", "element": "blockquote", "classes": ["key-facts"]},
            {"name": "Patient or carer quote", "element": "blockquote", "classes": ["patient-quote"]},
            # On selected words: the text explains them here, so the page links them to no definition.
            {"name": "Explained here (no glossary link)", "element": "span", "classes": ["explained-here"]},
        ]
    },
    "htmlSupport": {
        "allow": [
            {"name": "blockquote", "classes": ["key-facts", "patient-quote"]},
            {"name": "span", "classes": ["explained-here"]},
        ]
    },
}
