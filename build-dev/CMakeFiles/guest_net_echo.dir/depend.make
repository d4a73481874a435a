# Empty dependencies file for guest_net_echo.
# This may be replaced when dependencies are built.
