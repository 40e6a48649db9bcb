from wellbeing import create_app

app = create_app()
