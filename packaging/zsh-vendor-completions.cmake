# CPack runs this in the staging tree before it builds the .deb: Debian's zsh
# reads /usr/share/zsh/vendor-completions, not site-functions (where
# `cmake --install` puts _acct, as upstream zsh expects for /usr/local).
file(GLOB_RECURSE ACCT_STAGED_ZSH "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*/_acct")
list(FILTER ACCT_STAGED_ZSH INCLUDE REGEX "/zsh/site-functions/_acct$")
if(NOT ACCT_STAGED_ZSH)
  message(FATAL_ERROR "zsh completion _acct not staged under ${CPACK_TEMPORARY_INSTALL_DIRECTORY}")
endif()
foreach(staged ${ACCT_STAGED_ZSH})
  get_filename_component(site ${staged} DIRECTORY)
  get_filename_component(zsh ${site} DIRECTORY)
  file(MAKE_DIRECTORY ${zsh}/vendor-completions)
  file(RENAME ${staged} ${zsh}/vendor-completions/_acct)
  file(REMOVE_RECURSE ${site})
endforeach()
