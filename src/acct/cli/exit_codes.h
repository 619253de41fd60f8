#pragma once
// SPEC 5 (the sysexits.h numbers).
namespace acctool::exit_code {
inline constexpr int ok = 0;
inline constexpr int overdue = 1;
inline constexpr int usage = 64;
inline constexpr int data_error = 65;
inline constexpr int no_input = 66;
inline constexpr int unavailable = 69;
inline constexpr int cannot_create = 73;
inline constexpr int io_error = 74;
inline constexpr int try_again = 75;
}  // namespace acctool::exit_code
