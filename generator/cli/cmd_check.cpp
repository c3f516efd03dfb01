#include <cstdio>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"

namespace protopub::cli {

int run_check(const std::vector<std::string>& argv) {
    Args args(argv, command("check"));
    if (!args.ok()) return usage_error("check", args.error());
    if (args.positional().empty()) return usage_error("check", "no sources given (usage: protopub check FILE|DIR...)");
    model::Diagnostics diags;
    std::vector<model::Protocol> protocols;
    const int loaded = load_arguments(args.positional(), protocols, diags);
    print_diagnostics(diags);
    if (loaded != exit_ok) return loaded;
    if (diags.has_errors()) return exit_input_errors;
    if (!args.flag("--quiet"))
        std::printf("%zu source%s checked, no errors\n", protocols.size(), protocols.size() == 1 ? "" : "s");
    return exit_ok;
}

}  // namespace protopub::cli
