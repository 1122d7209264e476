"""
The glossary: definitions signed off as articles are (services.py and
workflow.py, on core/sign_off.py), linked from the pages that use their words
(linking.py), and the jargon check that suggests words to define (jargon.py).
"""
