#include "cli/commands.hpp"

namespace protopub::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"check", "check FILE|DIR...                 report problems as file:line:col diagnostics", run_check},
        {"build", "build [FILE|DIR]... -o OUTDIR [--format html,pdf,docx] [--templates DIR] [--pdf-style FILE] [--reference-docx FILE]", run_build},
        {"compare", "compare FILE... [--base FILE] -o OUTDIR [--format html,pdf,csv,json]  align clauses across councils", run_compare},
    };
    return table;
}

}  // namespace protopub::cli
