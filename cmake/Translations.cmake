# The message catalogs: po/LANG.po -> build/locale/LANG/LC_MESSAGES/acct.mo,
# where build/acct finds them uninstalled, and share/locale when installed.
find_program(MSGFMT msgfmt REQUIRED)
find_program(XGETTEXT xgettext)
find_program(MSGMERGE msgmerge)
set(ACCT_LANGUAGES ru)
set(ACCT_MO_FILES "")
foreach(lang ${ACCT_LANGUAGES})
  set(mo ${CMAKE_CURRENT_BINARY_DIR}/locale/${lang}/LC_MESSAGES/acct.mo)
  add_custom_command(
    OUTPUT ${mo}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/locale/${lang}/LC_MESSAGES
    COMMAND ${MSGFMT} --check -o ${mo} ${PROJECT_SOURCE_DIR}/po/${lang}.po
    DEPENDS ${PROJECT_SOURCE_DIR}/po/${lang}.po)
  list(APPEND ACCT_MO_FILES ${mo})
  install(FILES ${mo} DESTINATION ${CMAKE_INSTALL_LOCALEDIR}/${lang}/LC_MESSAGES)
endforeach()
add_custom_target(translations ALL DEPENDS ${ACCT_MO_FILES})
set_source_files_properties(
  src/acct/cli/language.cpp PROPERTIES COMPILE_DEFINITIONS
                                       ACCT_LOCALEDIR="${CMAKE_INSTALL_FULL_LOCALEDIR}")

# `cmake --build build --target update-po`: po/acct.pot from the sources and
# po/LANG.po merged with it, for a translator (scripts/po; its --check is a test).
add_custom_target(update-po COMMAND ${PROJECT_SOURCE_DIR}/scripts/po --update
                  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
