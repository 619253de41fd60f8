#include "acct/cli/app.h"

int main(int argc, char** argv) {
    return acctool::cli::run(argc, argv);
}
