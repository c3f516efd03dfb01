// protopub renumber FILE [-o OUT | --in-place]: clause numbers recomputed from the
// structure and every internal reference rewritten to match; only numbers change.
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "io/files.hpp"
#include "refs/refs.hpp"
#include "refs/renumber.hpp"
#include "source/reader.hpp"

namespace protopub::cli {

namespace {

// The protocol as `text` reads, with its references resolved (their own problems are
// for `check`: renumbering leaves such references as written and says so).
model::Protocol read_resolved(const std::string& text, const std::string& path, model::Diagnostics& diags) {
    model::Protocol p = source::read_protocol(text, path, diags);
    model::Diagnostics reference_problems;
    refs::resolve_references(p, reference_problems);
    return p;
}

}  // namespace

int run_renumber(const std::vector<std::string>& argv) {
    Args args(argv, command("renumber"));
    if (!args.ok()) return usage_error("renumber", args.error());
    if (args.positional().size() != 1)
        return usage_error("renumber", "give one source file (usage: protopub renumber FILE [-o OUT | --in-place])");
    if (args.has("-o") && args.flag("--in-place"))
        return usage_error("renumber", "-o and --in-place exclude each other");
    const std::string path = args.positional().front();
    if (args.has("-o") && io::same_file(path, args.value("-o")))
        return usage_error("renumber",
                           "-o '" + args.value("-o") + "' is the input; use --in-place to renumber it in place");

    std::string error;
    auto text = io::read_file(path, error, source::kMaxSourceBytes);
    if (!text) return usage_error("renumber", error);

    model::Diagnostics diags;
    model::Protocol p = read_resolved(*text, path, diags);
    if (diags.has_errors()) {
        print_diagnostics(diags);
        std::fprintf(stderr, "protopub renumber: fix these first; %s is unchanged\n", path.c_str());
        return exit_input_errors;
    }
    const auto edits = refs::plan_renumber(p, diags);
    auto renumbered = diags.has_errors() ? std::nullopt : refs::apply_edits(*text, edits, path, diags);
    if (renumbered) {
        // A second pass over the result must find nothing to do; if it does, the
        // rewrite went wrong somewhere and nothing is written.
        model::Diagnostics again;
        model::Protocol check = read_resolved(*renumbered, path, again);
        if (!again.has_errors() && !refs::plan_renumber(check, again).empty()) {
            diags.error(path, {},
                        "renumber: the result does not number itself consistently; the file is left unchanged");
            renumbered.reset();
        }
    }
    print_diagnostics(diags);
    if (!renumbered) return exit_input_errors;

    const std::string out_path = args.flag("--in-place") ? path : args.value("-o");
    if (out_path.empty()) {
        if (std::fwrite(renumbered->data(), 1, renumbered->size(), stdout) != renumbered->size() ||
            std::fflush(stdout) != 0)
            return usage_error("renumber", std::string("cannot write standard output: ") + std::strerror(errno));
    } else if (!io::write_file_atomic(out_path, *renumbered, error)) {
        return usage_error("renumber", error);
    }
    std::fprintf(stderr, "%zu number%s changed\n", edits.size(), edits.size() == 1 ? "" : "s");
    return exit_ok;
}

}  // namespace protopub::cli
