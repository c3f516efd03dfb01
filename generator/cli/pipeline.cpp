#include "cli/pipeline.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>

#include "check/check.hpp"
#include "cli/commands.hpp"
#include "io/files.hpp"
#include "refs/refs.hpp"
#include "source/reader.hpp"

namespace fs = std::filesystem;

namespace protopub::cli {

namespace {
bool process_ends = false;
std::vector<std::shared_ptr<void>>* left_to_the_system = nullptr;  // a global: reachable to the end
}  // namespace

void process_ends_with_command() { process_ends = true; }

CommandScope::~CommandScope() {
    if (!process_ends) return;
    if (!left_to_the_system) left_to_the_system = new std::vector<std::shared_ptr<void>>();
    for (auto& value : kept_) left_to_the_system->push_back(std::move(value));
}

std::vector<std::string> expand_sources(const std::vector<std::string>& args, model::Diagnostics& diags) {
    std::vector<std::string> out;
    // A file named twice (on its own and in its folder) is one protocol, read once.
    std::set<fs::path> seen;
    auto add = [&](const fs::path& path) {
        std::error_code ec;
        const fs::path key = fs::weakly_canonical(path, ec);
        if (seen.insert(ec ? path : key).second) out.push_back(path.string());
    };
    for (const auto& a : args) {
        std::error_code ec;
        if (fs::is_directory(a, ec)) {
            std::vector<std::string> found;
            for (const auto& e : fs::directory_iterator(a, ec)) {
                const auto name = e.path().filename().string();
                // README.md describes the folder; REPORT.md and *.report.md are committee
                // reports (`protopub report`), never protocol sources.
                const bool report = name == "REPORT.md" || name.ends_with(".report.md");
                if (e.path().extension() == ".md" && name != "README.md" && !report && e.is_regular_file(ec))
                    found.push_back(e.path().string());
            }
            if (ec) diags.error(a, {}, "cannot read folder: " + ec.message());
            std::sort(found.begin(), found.end());
            if (found.empty() && !ec) diags.error(a, {}, "no protocol sources (*.md) in this folder");
            for (const auto& f : found) add(f);
        } else if (fs::exists(a, ec)) {
            add(a);
        } else {
            diags.error(a, {}, "no such file or folder");
        }
    }
    return out;
}

std::vector<model::Protocol> load_sources(const std::vector<std::string>& paths, model::Diagnostics& diags) {
    std::vector<model::Protocol> out;
    for (const auto& path : paths) {
        auto p = source::load_protocol(path, diags);
        if (!p) continue;
        refs::resolve_references(*p, diags);
        check::check_structure(*p, diags);
        out.push_back(std::move(*p));
    }
    return out;
}

int load_arguments(const std::vector<std::string>& args, std::vector<model::Protocol>& out, model::Diagnostics& diags) {
    const auto paths = expand_sources(args, diags);
    if (diags.has_errors()) return exit_usage;
    out = load_sources(paths, diags);
    if (out.size() != paths.size()) {
        out.clear();
        return exit_usage;
    }
    return exit_ok;
}

void print_diagnostics(model::Diagnostics& diags) {
    diags.sort();
    for (const auto& d : diags.items()) std::fprintf(stderr, "%s\n", model::format(d).c_str());
    if (diags.error_count() || diags.warning_count())
        std::fprintf(stderr, "%d error%s, %d warning%s\n", diags.error_count(), diags.error_count() == 1 ? "" : "s",
                     diags.warning_count(), diags.warning_count() == 1 ? "" : "s");
}

int usage_error(const std::string& command, const std::string& message) {
    std::fprintf(stderr, "protopub %s: error: %s\n", command.c_str(), message.c_str());
    return exit_usage;
}

int write_outputs(const std::string& command, io::OutputSet& out, const std::string& dir) {
    std::string error;
    if (!out.commit(dir, error)) return usage_error(command, error);
    if (!out.note().empty()) std::fprintf(stderr, "protopub %s: warning: %s\n", command.c_str(), out.note().c_str());
    return exit_ok;
}

}  // namespace protopub::cli
