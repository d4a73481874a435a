# CMAKE generated file: DO NOT EDIT!
# Timestamp file for compiler generated dependencies management for guest_self_ptrace.
