#include "import/import.hpp"
#include "model/text.hpp"

#include <cctype>

namespace protopub::import {

namespace {
bool has_suffix(const std::string& s, const std::string& suffix) {
    if (s.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
    return true;
}
// "<!DOCTYPE html" or "<html" at the start, after any spaces and byte order mark.
bool looks_like_html(std::string_view bytes) {
    if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.remove_prefix(3);
    const std::size_t start = bytes.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return false;
    std::string head(bytes.substr(start, 14));
    for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0;
}

// A source of ours: front matter with a `council:` key, or clauses written "1.2 {#id}".
bool protopub_source(std::string_view bytes) {
    if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.remove_prefix(3);
    if (bytes.starts_with("---\n") || bytes.starts_with("---\r\n")) {
        const std::size_t end = bytes.find("\n---", 3);
        const std::string_view front = bytes.substr(0, end);
        if (end != std::string_view::npos && front.find("\ncouncil:") != std::string_view::npos) return true;
    }
    int ids = 0;  // "\n1.2 {#" (a number, a space, an id)
    for (std::size_t brace = bytes.find("{#", 1); brace != std::string_view::npos && ids < 2;
         brace = bytes.find("{#", brace + 2)) {
        if (bytes[brace - 1] != ' ') continue;
        const std::size_t at = brace - 1;
        std::size_t k = at;
        while (k > 0 && (model::ascii::is_digit(bytes[k - 1]) || bytes[k - 1] == '.')) --k;
        ids += k < at && (k == 0 || bytes[k - 1] == '\n');
    }
    return ids >= 2;
}

}  // namespace

ImportResult import_bytes(std::string_view bytes, const std::string& path, const ImportOptions& options,
                          model::Diagnostics& diags) {
    const bool zip = bytes.rfind("PK\x03\x04", 0) == 0 || bytes.rfind("PK\x05\x06", 0) == 0;
    // formats a council is likely to have instead, each with what to do about it
    if (zip && bytes.substr(0, 200).find("mimetypeapplication/vnd.oasis.opendocument") != std::string_view::npos) {
        diags.error(path, {},
                    "this is an OpenDocument file (.odt), not Word: save it as .docx (or as text) and import that");
        return {};
    }
    // What no output can carry (controls, non-characters) never reaches the source written.
    auto showable = [&](ImportResult r) {
        if (r.ok) model::make_showable(r.protocol, diags);
        return r;
    };
    if (zip) return showable(import_docx(bytes, path, options, diags));
    if (bytes.rfind("%PDF-", 0) == 0) {
        diags.error(
            path, {},
            "this is a PDF file: take its text out first (pdftotext -layout FILE.pdf FILE.txt) and import the text");
        return {};
    }
    if (bytes.rfind("{\\rtf", 0) == 0) {
        diags.error(path, {}, "this is a Rich Text (.rtf) file: save it as .docx (or as plain text) and import that");
        return {};
    }
    if (looks_like_html(bytes) || has_suffix(path, ".html") || has_suffix(path, ".htm"))
        return showable(import_html(bytes, path, options, diags));
    if (bytes.rfind("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 0) == 0) {
        diags.error(path, {},
                    "this is an old Word .doc file: save it as .docx in Word (or convert it: "
                    "libreoffice --headless --convert-to docx FILE.doc) and import that");
        return {};
    }
    if (has_suffix(path, ".docx")) {
        diags.error(path, {}, "not a Word .docx file: a .docx is a zip package, and this file is not one");
        return {};
    }
    if (protopub_source(bytes)) {
        diags.error(path, {1, 1},
                    "this is a protopub source already (front matter naming its council, clauses with ids): "
                    "nothing to import; check it with: protopub check FILE");
        return {};
    }
    return showable(import_text(bytes, path, options, diags));
}

}  // namespace protopub::import
