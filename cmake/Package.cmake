# The Debian package: `cpack -G DEB` in the build tree makes
# acct-clients_VERSION_ARCH.deb. Debian's `acct` is process accounting, so the
# package has its own name; the command stays `acct`.
set(ACCT_PACKAGE_NAME acct-clients)
set(ACCT_DOC_DIR ${CMAKE_INSTALL_DATADIR}/doc/${ACCT_PACKAGE_NAME})
find_program(GZIP gzip REQUIRED)

# Debian wants man pages and the changelog compressed; -n leaves out the name
# and time stamp so the same sources give the same bytes.
set(ACCT_GZ_DIR ${CMAKE_CURRENT_BINARY_DIR}/gz)
set(ACCT_GZ_FILES "")
foreach(source man/acct.1 man/acct-yaml.5 packaging/changelog)
  get_filename_component(name ${source} NAME)
  add_custom_command(
    OUTPUT ${ACCT_GZ_DIR}/${name}.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${ACCT_GZ_DIR}
    COMMAND ${GZIP} -9n -c ${PROJECT_SOURCE_DIR}/${source} > ${ACCT_GZ_DIR}/${name}.gz
    DEPENDS ${PROJECT_SOURCE_DIR}/${source})
  list(APPEND ACCT_GZ_FILES ${ACCT_GZ_DIR}/${name}.gz)
endforeach()
add_custom_target(compressed_docs ALL DEPENDS ${ACCT_GZ_FILES})

install(FILES ${ACCT_GZ_DIR}/acct.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${ACCT_GZ_DIR}/acct-yaml.5.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man5)
install(FILES ${ACCT_GZ_DIR}/changelog.gz packaging/copyright DESTINATION ${ACCT_DOC_DIR})
install(DIRECTORY examples/agency examples/cron DESTINATION ${ACCT_DOC_DIR}/examples)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ${ACCT_PACKAGE_NAME})
set(CPACK_PACKAGE_VENDOR "acct")
set(CPACK_PACKAGE_CONTACT
    "Seed f967f26d maintainers <maintainers@users.noreply.r-seed-f967f26d.example>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES TRUE)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_PRE_BUILD_SCRIPTS ${PROJECT_SOURCE_DIR}/packaging/zsh-vendor-completions.cmake)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "default-mta | mail-transport-agent, git")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "keep client relationships from going cold")
# CPack writes this after the summary line; each line starts with a space.
set(CPACK_PACKAGE_DESCRIPTION
    "acct reads a workspace of client folders written in YAML and kept in git,
and says what needs doing today: follow-ups, clients not spoken to for too
long, tasks, contract renewals and notice deadlines, contracts to send or
chase for signature, invoices not issued or not paid, and status reports
owed. It adds records without disturbing the rest of a file, prints
summaries and exports (CSV, JSON, iCalendar), and makes a daily digest that
cron can mail.
.
The command is acct; the file format is described in acct-yaml(5).")
include(CPack)
