"""The werkproces: groepsscans entered in the app, steps, triangle decisions and the plan van aanpak."""
