// Diagnostics are data: every stage records them and goes on; only the CLI decides
// exit codes. User content never throws.
#pragma once

#include <string>
#include <vector>

#include "model/protocol.hpp"

namespace protopub::model {

enum class Severity { note, warning, error };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string file;
    SourcePos pos;
    std::string message;
};

// "file:line:col: error: message" (line/col left out when unknown).
std::string format(const Diagnostic& d);

class Diagnostics {
public:
    void add(Severity s, std::string file, SourcePos pos, std::string message);
    void error(std::string file, SourcePos pos, std::string message) {
        add(Severity::error, std::move(file), pos, std::move(message));
    }
    void warning(std::string file, SourcePos pos, std::string message) {
        add(Severity::warning, std::move(file), pos, std::move(message));
    }
    void note(std::string file, SourcePos pos, std::string message) {
        add(Severity::note, std::move(file), pos, std::move(message));
    }

    const std::vector<Diagnostic>& items() const { return items_; }
    bool has_errors() const { return errors_ > 0; }
    int error_count() const { return errors_; }
    int warning_count() const { return warnings_; }
    bool empty() const { return items_.empty(); }
    void append(const Diagnostics& other);
    // Stable order for output: by file, line, column, then insertion.
    void sort();

private:
    std::vector<Diagnostic> items_;
    int errors_ = 0;
    int warnings_ = 0;
};

}  // namespace protopub::model
