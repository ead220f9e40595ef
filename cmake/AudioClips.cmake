# The read-aloud clips in the machine voice, made at build time by kiosk-audio synthesise
# (libespeak-ng: Indonesian, English, Cantonese for zh_Hant_HK; Tagalog has no voice) into
# ${AUDIO_CLIPS_DIR}/<locale>/<message key>.ogg, beside texts.tsv. Recorded clips in
# assets/audio/<locale>/ win: their messages get no machine clip.
#
# Incremental twice over: the step runs only when the messages, the content, the recordings
# or the tool change, and then remakes only the clips whose text or voice settings changed
# (texts.tsv holds both). A full run of all three languages takes 19.5 s of one core
# (measured 2026-12: 636 clips, 2,290 s of speech, 9.9 MB); an unchanged one 0.04 s.
# A sanitizer build leaves the full set out, as it leaves out the long runs: its tests make
# the few clips they need (tests/audio), and CI pays the synthesis once.
if(SELFCHECK_SANITIZE)
  set(synthesise_default OFF)
else()
  set(synthesise_default ON)
endif()
option(SELFCHECK_SYNTHESISE_AUDIO "Make the machine-voice read-aloud clips at build time" ${synthesise_default})
if(NOT SELFCHECK_SYNTHESISE_AUDIO)
  return()
endif()

file(GLOB CONTENT_YAML CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/content/*.yaml)
file(GLOB_RECURSE RECORDED_AUDIO CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/assets/audio/*)
set(AUDIO_CLIPS_STAMP ${AUDIO_CLIPS_DIR}/synthesised.stamp)
add_custom_command(
  OUTPUT ${AUDIO_CLIPS_STAMP}
  COMMAND kiosk-audio synthesise
          --content ${PROJECT_SOURCE_DIR}/content --locales ${LOCALES_RES_DIR}
          --recorded ${PROJECT_SOURCE_DIR}/assets/audio --synthesised ${AUDIO_CLIPS_DIR}
          --stamp ${AUDIO_CLIPS_STAMP}
  DEPENDS kiosk-audio ${LOCALE_OUTPUTS} ${CONTENT_YAML} ${RECORDED_AUDIO}
  COMMENT "Synthesising read-aloud clips (espeak-ng; only messages that changed)"
  VERBATIM)
add_custom_target(audio_clips ALL DEPENDS ${AUDIO_CLIPS_STAMP})
# The kiosk reads its clips at run time; building it makes them, for the package too.
add_dependencies(kiosk audio_clips)
