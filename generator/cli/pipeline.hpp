// The shared front of every command: find the sources, read them, resolve what can be
// resolved, check them. Commands then hand the model to the stage they run.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/protocol.hpp"

namespace protopub::io {
class OutputSet;
}

namespace protopub::cli {

// FILE and DIR arguments -> source files (a folder gives its *.md files, sorted, without
// README.md and committee reports, REPORT.md and *.report.md; a file named twice, on its own and in its folder, comes
// once). Missing paths are errors in `diags`.
std::vector<std::string> expand_sources(const std::vector<std::string>& args, model::Diagnostics& diags);

// Reads, resolves and checks each source. Protocols that could not be read at all are
// left out; everything else is returned together with its diagnostics.
std::vector<model::Protocol> load_sources(const std::vector<std::string>& paths, model::Diagnostics& diags);

// FILE|DIR arguments -> read, resolved and checked protocols in `out`. Returns exit_usage
// when an argument names nothing or a file cannot be read at all (nothing is loaded
// then), else exit_ok; problems inside the sources are in `diags` either way, for the
// command to decide whether they stop it. Prints nothing.
int load_arguments(const std::vector<std::string>& args, std::vector<model::Protocol>& out, model::Diagnostics& diags);

// What a command builds and uses to its end (the models of the versions it read): destroyed
// when the command returns, or, once main has said the process ends with the command, left
// for the system to take back whole. Freeing the models of two constitution-sized versions
// (millions of small strings) costs as much as a tenth of reading them. What is left stays
// reachable from a global, so leak checkers do not count it.
class CommandScope {
public:
    CommandScope() = default;
    CommandScope(const CommandScope&) = delete;
    CommandScope& operator=(const CommandScope&) = delete;
    ~CommandScope();
    template <class T>
    T& keep(T value) {
        auto owned = std::make_shared<T>(std::move(value));
        T& kept = *owned;
        kept_.push_back(std::move(owned));
        return kept;
    }

private:
    std::vector<std::shared_ptr<void>> kept_;
};

// Called by main before it runs a command: the process ends when the command returns.
void process_ends_with_command();

// Prints diagnostics to stderr, sorted, one per line, with a summary when there are any.
void print_diagnostics(model::Diagnostics& diags);

// "protopub: error: ..." on stderr for usage and I/O problems; returns exit_usage.
int usage_error(const std::string& command, const std::string& message);

// Commits a command's outputs to folder `dir`: exit_ok, or exit_usage with the error
// printed. Where the folder could not be switched in one step, says why (a warning).
int write_outputs(const std::string& command, io::OutputSet& out, const std::string& dir);

}  // namespace protopub::cli
