#include "cli/commands.hpp"

namespace protopub::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"check", "check FILE|DIR...                 report problems as file:line:col diagnostics", run_check},
        {"build", "build [FILE|DIR]... -o OUTDIR [--format html,pdf,docx] [--templates DIR] [--pdf-style FILE] [--reference-docx FILE]", run_build},
        {"diff", "diff OLD NEW -o OUTDIR [--format html,pdf,docx,json,csv] [--author NAME] [--date YYYY-MM-DD]   redline (OLD/NEW: FILE or FILE@GITREV)", run_diff},
    };
    return table;
}

}  // namespace protopub::cli
