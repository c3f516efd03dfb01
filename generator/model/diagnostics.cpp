#include "model/diagnostics.hpp"

#include <algorithm>

namespace protopub::model {

namespace {
const char* severity_name(Severity s) {
    switch (s) {
        case Severity::note: return "note";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
    }
    return "error";
}
}  // namespace

std::string format(const Diagnostic& d) {
    std::string out = d.file.empty() ? std::string("protopub") : d.file;
    if (d.pos.known()) {
        out += ':' + std::to_string(d.pos.line);
        if (d.pos.column) out += ':' + std::to_string(d.pos.column);
    }
    out += ": ";
    out += severity_name(d.severity);
    out += ": ";
    out += d.message;
    return out;
}

void Diagnostics::add(Severity s, std::string file, SourcePos pos, std::string message) {
    if (s == Severity::error) ++errors_;
    if (s == Severity::warning) ++warnings_;
    items_.push_back({s, std::move(file), pos, std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
    for (const auto& d : other.items_) add(d.severity, d.file, d.pos, d.message);
}

void Diagnostics::sort() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.file != b.file) return a.file < b.file;
        if (a.pos.line != b.pos.line) return a.pos.line < b.pos.line;
        return a.pos.column < b.pos.column;
    });
}

}  // namespace protopub::model
