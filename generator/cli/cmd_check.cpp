#include <cstdio>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"

namespace protopub::cli {

int run_check(const std::vector<std::string>& argv) {
    Args args(argv, {}, {"--quiet"});
    if (!args.ok()) return usage_error("check", args.error());
    if (args.positional().empty()) return usage_error("check", "no sources given (usage: protopub check FILE|DIR...)");
    model::Diagnostics diags;
    auto paths = expand_sources(args.positional(), diags);
    if (diags.has_errors()) {
        print_diagnostics(diags);
        return exit_usage;
    }
    auto protocols = load_sources(paths, diags);
    const bool unreadable = protocols.size() != paths.size();
    print_diagnostics(diags);
    if (unreadable) return exit_usage;
    if (diags.has_errors()) return exit_input_errors;
    if (!args.flag("--quiet"))
        std::printf("%zu source%s checked, no errors\n", paths.size(), paths.size() == 1 ? "" : "s");
    return exit_ok;
}

}  // namespace protopub::cli
