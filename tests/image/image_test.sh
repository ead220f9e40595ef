#!/bin/sh
# CTest's entry for a device image: builds it, then boots it (see CMakeLists.txt here).
#   image_test.sh amd64|arm64 SOURCE_DIR IMAGE_BUILD_DIR COLLECTOR
set -eu
arch=$1
root=$2
build_dir=$3
collector=$4
if [ "$arch" = arm64 ]; then
    if [ "${SELFCHECK_IMAGE_TEST_ARM64:-}" != 1 ]; then
        echo "image-boot-arm64: skipped (about 30 minutes); run it with SELFCHECK_IMAGE_TEST_ARM64=1 ctest -R image-boot-arm64"
        exit 77
    fi
elif [ "${CI:-}" != true ] && [ "${SELFCHECK_IMAGE_TEST:-}" != 1 ]; then
    echo "image-boot: skipped (about 10 minutes); run it with SELFCHECK_IMAGE_TEST=1 ctest -L image"
    exit 77
fi
if [ "$(id -u)" -ne 0 ] && ! sudo -n true 2>/dev/null; then
    echo "image-boot: skipped: building the image needs root (mmdebstrap, chroot)"
    exit 77
fi
# scripts/test's CI run builds the image first, beside the suite's build, and says so.
if [ "${SELFCHECK_IMAGE_BUILT:-}" = 1 ] && [ "$arch" = amd64 ]; then
    echo "image-boot: booting the image scripts/test built in $build_dir"
else
    "$root/image/build" --arch "$arch" --build-dir "$build_dir"
fi
exec "$root/image/test-boot" --arch "$arch" --build-dir "$build_dir" --collector "$collector"
