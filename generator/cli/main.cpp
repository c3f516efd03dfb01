// protopub: publish council protocols from one structured source.
#include <cerrno>
#include <cstdio>
#include <cstring>
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
// A write error on standard output (a full disk behind "> out.md", /dev/full) is an I/O
// error, exit 2: output printed there is only as good as its last byte.
int finish_stdout(int code) {
    if (std::fflush(stdout) != 0 || std::ferror(stdout) || std::fclose(stdout) != 0) {
        std::fprintf(stderr, "protopub: error: cannot write standard output: %s\n", std::strerror(errno));
        return protopub::cli::exit_usage;
    }
    return code;
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
        return finish_stdout(exit_ok);
    }
    if (name == "--version") {
        std::printf("protopub " PROTOPUB_VERSION_STRING "\n");
        return finish_stdout(exit_ok);
    }
    std::vector<std::string> args(argv + 2, argv + argc);
    for (const auto& c : commands()) {
        if (name != c.name) continue;
        try {
            return finish_stdout(c.run(args));
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
