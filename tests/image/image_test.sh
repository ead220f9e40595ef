#!/bin/sh
# CTest's entry for the device image: builds it, then boots it (see CMakeLists.txt here).
#   image_test.sh SOURCE_DIR IMAGE_BUILD_DIR
set -eu
root=$1
build_dir=$2
if [ "${CI:-}" != true ] && [ "${SELFCHECK_IMAGE_TEST:-}" != 1 ]; then
    echo "image-boot: skipped (about 10 minutes); run it with SELFCHECK_IMAGE_TEST=1 ctest -L image"
    exit 77
fi
if [ "$(id -u)" -ne 0 ] && ! sudo -n true 2>/dev/null; then
    echo "image-boot: skipped: building the image needs root (mmdebstrap, chroot)"
    exit 77
fi
"$root/image/build" --build-dir "$build_dir"
exec "$root/image/test-boot" --build-dir "$build_dir"
