# Cross-compiling for arm64 (Raspberry Pi 4/5) with Debian's multiarch cross toolchain:
# crossbuild-essential-arm64 plus the libraries as :arm64 packages, which Debian puts under
# /usr/lib/aarch64-linux-gnu and /usr/include/aarch64-linux-gnu (no separate sysroot).
# image/cross-build-kiosk uses it inside its chroot:
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/aarch64-linux-gnu.cmake
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
# pkg-config reads only the arm64 .pc files (and the architecture-independent ones).
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig)
# Programs the build runs (genrb) are the build machine's; libraries and headers are arm64.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
# The .deb CPack makes is for the target, not for the machine that builds it.
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
