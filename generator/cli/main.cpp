// protopub: publish council protocols from one structured source.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace {
void usage(std::FILE* to) {
    std::fprintf(to, "usage: protopub COMMAND [ARGS...]\n\ncommands:\n");
    for (const auto& c : protopub::cli::commands()) std::fprintf(to, "  %s\n", c.synopsis);
    std::fprintf(to, "\n'protopub help' shows this list; see README.md for examples.\n");
}
}  // namespace

int main(int argc, char** argv) {
    using namespace protopub::cli;
    if (argc < 2) {
        usage(stderr);
        return exit_usage;
    }
    const std::string name = argv[1];
    if (name == "help" || name == "--help" || name == "-h") {
        usage(stdout);
        return exit_ok;
    }
    if (name == "--version") {
        std::printf("protopub " PROTOPUB_VERSION_STRING "\n");
        return exit_ok;
    }
    std::vector<std::string> args(argv + 2, argv + argc);
    for (const auto& c : commands()) {
        if (name != c.name) continue;
        try {
            return c.run(args);
        } catch (const std::bad_alloc&) {
            std::fprintf(stderr, "protopub: error: out of memory\n");
        } catch (const std::exception& e) {
            // A bug, never a user error: user content is reported as diagnostics.
            std::fprintf(stderr, "protopub: internal error: %s\n", e.what());
        }
        return exit_usage;
    }
    std::fprintf(stderr, "protopub: error: unknown command '%s'\n", name.c_str());
    usage(stderr);
    return exit_usage;
}
