#pragma once
// The files of every client -> the workspace's clients, settling what needs
// more than one file: duplicate contract ids and invoice numbers, references
// to contracts, invoice currencies and money, default due dates and periods.
#include <string>
#include <vector>

#include "acct/load/file_records.h"

namespace acctool {

struct ClientFiles {
    std::string id;
    std::string folder;
    std::vector<FileRecords> files;  // by file name; client.yaml among them
};

struct Assembled {
    std::vector<Client> clients;  // by id
    std::vector<Diagnostic> diagnostics;
};

// `as_of`: for the checks that depend on T (a new client's month to sign).
Assembled assemble(std::vector<ClientFiles> clients, const Config& config, Date as_of);

}  // namespace acctool
