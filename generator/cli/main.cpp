// protopub: publish council protocols from one structured source.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/pipeline.hpp"

namespace {

// `protopub help [COMMAND | --man | --bash-completion]`: all read from the command table.
int help(const std::vector<std::string>& args) {
    using namespace protopub::cli;
    if (args.empty()) {
        std::fputs(help_text().c_str(), stdout);
        return exit_ok;
    }
    if (args.size() == 1 && args[0] == "--man") {
        std::fputs(man_page(PROTOPUB_VERSION_STRING).c_str(), stdout);
        return exit_ok;
    }
    if (args.size() == 1 && args[0] == "--bash-completion") {
        std::fputs(bash_completion().c_str(), stdout);
        return exit_ok;
    }
    if (args.size() == 1)
        for (const auto& c : commands())
            if (args[0] == c.name) {
                std::fputs(command_help(c).c_str(), stdout);
                return exit_ok;
            }
    std::fprintf(stderr, "protopub help: error: no command '%s'\n%s", args[0].c_str(), help_text().c_str());
    return exit_usage;
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
        std::fputs(help_text().c_str(), stderr);
        return exit_usage;
    }
    const std::string name = argv[1];
    std::vector<std::string> args(argv + 2, argv + argc);
    if (name == "help" || name == "--help" || name == "-h") return finish_stdout(help(args));
    if (name == "--version") {
        std::printf("protopub " PROTOPUB_VERSION_STRING "\n");
        return finish_stdout(exit_ok);
    }
    for (const auto& c : commands()) {
        if (name != c.name) continue;
        process_ends_with_command();
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
    std::fputs(help_text().c_str(), stderr);
    return exit_usage;
}
