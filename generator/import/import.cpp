#include "import/import.hpp"

#include <cctype>

namespace protopub::import {

namespace {
bool has_suffix(const std::string& s, const std::string& suffix) {
    if (s.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
    return true;
}
}  // namespace

ImportResult import_bytes(std::string_view bytes, const std::string& path, const ImportOptions& options,
                          model::Diagnostics& diags) {
    const bool zip = bytes.rfind("PK\x03\x04", 0) == 0 || bytes.rfind("PK\x05\x06", 0) == 0;
    // formats a council is likely to have instead, each with what to do about it
    if (zip && bytes.substr(0, 200).find("mimetypeapplication/vnd.oasis.opendocument") != std::string_view::npos) {
        diags.error(path, {}, "this is an OpenDocument file (.odt), not Word: save it as .docx (or as text) and import that");
        return {};
    }
    if (zip) return import_docx(bytes, path, options, diags);
    if (bytes.rfind("%PDF-", 0) == 0) {
        diags.error(path, {}, "this is a PDF file: take its text out first (pdftotext FILE.pdf FILE.txt) and import the text");
        return {};
    }
    if (bytes.rfind("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 0) == 0) {
        diags.error(path, {}, "this is an old Word .doc file: save it as .docx in Word (or convert it: "
                              "libreoffice --headless --convert-to docx FILE.doc) and import that");
        return {};
    }
    if (has_suffix(path, ".docx")) {
        diags.error(path, {}, "not a Word .docx file: a .docx is a zip package, and this file is not one");
        return {};
    }
    return import_text(bytes, path, options, diags);
}

}  // namespace protopub::import
