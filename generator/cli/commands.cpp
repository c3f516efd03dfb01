#include "cli/commands.hpp"

namespace protopub::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"check", "check FILE|DIR...                 report problems as file:line:col diagnostics", run_check},
        {"build", "build [FILE|DIR]... -o OUTDIR [--format html,pdf,docx,akn] [--templates DIR] [--pdf-style FILE] [--reference-docx FILE]", run_build},
        {"constitution", "constitution MANIFEST.yaml -o OUTDIR [--format html,pdf,docx,akn] [--reference-docx FILE]   assemble and publish a constitution", run_constitution},
    };
    return table;
}

}  // namespace protopub::cli
