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
    if (zip) return import_docx(bytes, path, options, diags);
    if (has_suffix(path, ".docx")) {
        diags.error(path, {}, "not a Word .docx file: a .docx is a zip package, and this file is not one");
        return {};
    }
    return import_text(bytes, path, options, diags);
}

}  // namespace protopub::import
