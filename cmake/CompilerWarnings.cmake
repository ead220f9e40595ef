# Warnings and sanitizers for our own targets. Third-party sources we compile (the ImGui
# SDL_Renderer backend) get their own target without these flags.
add_library(project_options INTERFACE)
target_compile_options(project_options INTERFACE -Wall -Wextra -Wshadow -Wnon-virtual-dtor)
if(SELFCHECK_WERROR)
  target_compile_options(project_options INTERFACE -Werror)
endif()

if(SELFCHECK_SANITIZE)
  # Applied globally so every object, including the ImGui backend, is instrumented.
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
