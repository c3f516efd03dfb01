#include "import/import.hpp"

namespace protopub::import {

ImportResult import_docx(std::string_view, const std::string& path, const ImportOptions&, model::Diagnostics& diags) {
    diags.error(path, {}, "Word .docx import is not available yet");
    return {};
}

}  // namespace protopub::import
