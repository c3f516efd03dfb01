// Test helper: reads a .docx back as a user's Word would show it, with or without its
// tracked changes accepted, so tests can compare documents paragraph by paragraph.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "package/zip_reader.hpp"

namespace protopub::testing {

inline std::map<std::string, std::string> unpack_docx(const std::string& bytes) {
    std::string error;
    auto parts = package::read_zip(bytes, error);
    return parts ? *parts : std::map<std::string, std::string>{};
}

enum class View { as_written, accept_all, reject_all };

struct WordParagraph {
    std::string style;
    std::string text;
    bool operator==(const WordParagraph& o) const { return style == o.style && text == o.text; }
};

class WordReader {
public:
    explicit WordReader(View view) : view_(view) {}

    std::vector<WordParagraph> read(const std::string& document_xml) {
        pugi::xml_document doc;
        // a run of only a space is text too (pugixml drops whitespace-only text by default)
        doc.load_string(document_xml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata);
        const pugi::xml_node body = doc.child("w:document").child("w:body");
        // The body's last paragraph mark cannot go (Word and LibreOffice keep it whatever
        // revision it carries): a document ends in a paragraph.
        for (pugi::xml_node n = body.last_child(); n && std::string(n.name()) != "w:tbl"; n = n.previous_sibling())
            if (std::string(n.name()) == "w:p") {
                last_mark_ = n;
                break;
            }
        walk_blocks(body);
        if (!pending_.empty()) out_.push_back({pending_style_, pending_});
        // A body that ends in a table (one with a row in this view) ends in an empty
        // paragraph as Word shows it: Word and LibreOffice keep one after a closing table,
        // written or not.
        pugi::xml_node last = body.last_child();
        while (last && std::string(last.name()) != "w:p" && std::string(last.name()) != "w:tbl")
            last = last.previous_sibling();
        if (last && std::string(last.name()) == "w:tbl")
            for (auto tr : last.children("w:tr"))
                if (!row_dropped(tr)) {
                    out_.push_back({"", ""});
                    break;
                }
        return out_;
    }

private:
    bool dropped(const std::string& name) const {
        if (view_ == View::accept_all) return name == "w:del" || name == "w:moveFrom";
        if (view_ == View::reject_all) return name == "w:ins" || name == "w:moveTo";
        return false;
    }

    void walk_blocks(pugi::xml_node parent) {
        for (auto n : parent.children()) {
            const std::string name = n.name();
            if (name == "w:p")
                paragraph(n);
            else if (name == "w:tbl")
                table(n);
        }
    }

    bool row_dropped(pugi::xml_node tr) const {
        for (auto mark : tr.child("w:trPr").children())
            if (dropped(mark.name())) return true;
        return false;
    }

    void table(pugi::xml_node tbl) {
        for (auto tr : tbl.children("w:tr"))
            if (!row_dropped(tr))
                for (auto tc : tr.children("w:tc")) walk_blocks(tc);
    }

    void collect(pugi::xml_node n, std::string& text) {
        for (auto c : n.children()) {
            const std::string name = c.name();
            if (name == "w:pPr" || name == "w:rPr" || name == "w:instrText" || dropped(name)) continue;
            if (name == "w:t" || name == "w:delText")
                text += c.text().get();
            else if (name == "w:tab")
                text += '\t';
            else if (name == "w:br")
                text += '\n';
            else
                collect(c, text);
        }
    }

    // A paragraph whose mark is removed runs on into the next one, as in Word.
    void paragraph(pugi::xml_node p) {
        std::string text;
        collect(p, text);
        bool mark_removed = false;
        if (p != last_mark_)
            for (auto mark : p.child("w:pPr").child("w:rPr").children()) mark_removed |= dropped(mark.name());
        std::string style = p.child("w:pPr").child("w:pStyle").attribute("w:val").value();
        // Reject All gives a paragraph the properties its change recorded, as Word does
        if (const pugi::xml_node change = p.child("w:pPr").child("w:pPrChange"); change && view_ == View::reject_all)
            style = change.child("w:pPr").child("w:pStyle").attribute("w:val").value();
        if (mark_removed) {
            pending_ += text;
            pending_style_ = style;
            return;
        }
        out_.push_back({style, pending_ + text});
        pending_.clear();
    }

    View view_;
    pugi::xml_node last_mark_;  // the body's last paragraph, when a paragraph ends it
    std::vector<WordParagraph> out_;
    std::string pending_;
    std::string pending_style_;
};

inline std::vector<WordParagraph> word_paragraphs(const std::string& docx, View view) {
    return WordReader(view).read(unpack_docx(docx)["word/document.xml"]);
}

}  // namespace protopub::testing
