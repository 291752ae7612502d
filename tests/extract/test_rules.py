"""Context rules for ambiguous names: each rule with sentences that must and must not be tagged."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from skilltrends.extract import extract_posting

# (sentence, surface text, skill id expected for that surface, or None: it must not be tagged as a skill)
CASES = {
    "r_language": [
        ("Strong programming skills in Python and R or equivalents.", "R", "r"),
        ("Proficient in R.", "R", "r"),
        ("Experience with R programming and Shiny.", "R programming", "r"),
        ("You will work in our R&D department.", "R", None),
        ("Our R & D team is growing.", "R", None),
        ("Enjoy some R&R after launch.", "R", None),
        ("Plan R is our fallback.", "R", None),
        ("- You write clean, tested R", "R", "r"),
        ("- Curious mind; bonus if you know R", "R", "r"),
        ("Nice to have\n- R for analysis.", "R", "r"),
    ],
    "go_language": [
        ("Languages: Scala Java Go", "Go", "go"),
        ("Write services in Go.", "Go", "go"),
        ("Technologies reactjs django go docker", "go", "go"),
        ("Experience with Golang microservices.", "Golang", "go"),
        ("You will own our go-to-market analytics.", "go", None),
        ("We go deep on every problem.", "go", None),
        ("Go beyond the obvious.", "Go", None),
        ("- Some Go.", "Go", "go"),
        ("- Curious mind; ideally familiarity with Go", "Go", "go"),
        ("- You write clean, tested Go", "Go", "go"),
        ("Ready to go live next week.", "go", None),
    ],
    "c_language": [
        ("Good programming skills (e.g. C C++ python).", "C", "c"),
        ("C programming for device drivers.", "C programming", "c"),
        ("You will present to the C-suite.", "C", None),
        ("We just raised our Series C.", "C", None),
        ("Modern C++ (C++17) required.", "C++", "cpp"),
        ("Reporting to C level executives.", "C", None),
    ],
    "java_language": [
        ("Experience in Java or Kotlin.", "Java", "java"),
        ("Free coffee: grab a cup of Java in our kitchen.", "Java", None),
        ("Java and espresso on tap every morning.", "Java", None),
        ("Free Java from the roastery downstairs.", "Java", None),
        ("Experience with JavaScript and TypeScript.", "JavaScript", "javascript"),
    ],
    "scala_language": [
        ("Functional programming in Scala and Spark.", "Scala", "scala"),
        ("Our services are scalable.", "scalable", None),
        ("Tickets for La Scala are a team perk.", "Scala", None),
    ],
    "spark_engine": [
        ("Big data tools such as Hadoop and Spark.", "Spark", "spark"),
        ("Experience with PySpark and Spark SQL.", "PySpark", "spark"),
        ("Ideas that spark curiosity in our users.", "spark", None),
        ("Build filters with Spark AR Studio.", "Spark", None),
        ("Projects that will spark innovation.", "spark", None),
        ("- Exposure to Spark, Keras and Vertex AI", "Spark", "spark"),
    ],
    "excel_tool": [
        ("Advanced skills in Excel and SQL.", "Excel", "excel"),
        ("Microsoft Excel and PowerPoint.", "Microsoft Excel", "excel"),
        ("You excel at building relationships.", "excel", None),
        ("- You have shipped models using sklearn and Excel", "Excel", "excel"),
        ("We want people who will excel and grow.", "excel", None),
        ("Excel in a fast-paced environment.", "Excel", None),
        ("Attach your cover letter and an Excel sheet with your grades.", "Excel", None),
    ],
    "swift_language": [
        ("Knowledge of Swift and Objective-C.", "Swift", "swift"),
        ("Write testable code in Swift.", "Swift", "swift"),
        ("We need swift decisions under pressure.", "swift", None),
        ("Swift delivery is what our customers love.", "Swift", None),
    ],
    "rust_language": [
        ("Systems programming in Rust or C++.", "Rust", "rust"),
        ("Experience with Rust programming.", "Rust programming", "rust"),
        ("Sensors that detect Rust on wheat leaves.", "Rust", None),
        ("Protecting steel structures from Rust and corrosion.", "Rust", None),
        ("Leaving skills to rust is not an option.", "rust", None),
    ],
    "julia_language": [
        ("Scientific computing in Julia, Python or R.", "Julia", "julia"),
        ("Julia programming for numerical work.", "Julia programming", "julia"),
        ("Questions? Contact Julia in HR.", "Julia", None),
        ("Julia Smith leads the interview loop.", "Julia", None),
        ("- Production experience writing Julia\nBonus\n- Python", "Julia", "julia"),
        ("Julia on our team runs the reading group; no Julia code here.", "Julia", None),
    ],
    "ray_framework": [
        ("Distributed training with Ray and Dask.", "Ray", "ray"),
        ("Serving with Ray Serve on Kubernetes.", "Ray Serve", "ray"),
        ("Ray Smith will be your manager.", "Ray", None),
        ("If in doubt, ask Ray.", "Ray", None),
        ("Experience reading X-Ray images.", "Ray", None),
        ("- Ray for distributed training.", "Ray", "ray"),
        ("- Knowledge of Ray is nice to have", "Ray", "ray"),
        ("- Exposure to Ray\nNice to have\n- Go", "Ray", "ray"),
        ("Reach out to Ray Okafor, our technical recruiter.", "Ray", None),
        ("Nice-to-have\n- Go.\n- Ray.\n- W&B.", "Ray", "ray"),
    ],
    "dash_framework": [
        ("Dashboards in Tableau, Dash or Power BI.", "Dash", "dash"),
        ("Build Plotly Dash apps.", "Plotly Dash", "dash"),
        ("Bring a dash of humour.", "dash", None),
        ("Dash over to our careers page.", "Dash", None),
    ],
    "pandas_library": [
        ("Data analysis with pandas and NumPy.", "pandas", "pandas"),
        ("Our office mascots are two red pandas from the zoo.", "pandas", None),
        ("Our users have photographed red pandas in Nepal.", "pandas", None),
    ],
    "airflow_tool": [
        ("Orchestration with Airflow and dbt.", "Airflow", "airflow"),
        ("Apache Airflow experience.", "Apache Airflow", "airflow"),
        ("Optimise airflow in data centers for cooling.", "airflow", None),
        ("Airflow and temperature sensors in the server racks.", "Airflow", None),
        ("Our tents are designed for airflow and warmth.", "airflow", None),
        ("- 3+ years building data pipelines.\n- Airflow on AWS.", "Airflow", "airflow"),
    ],
    "snowflake_db": [
        ("Warehousing in Snowflake and BigQuery.", "Snowflake", "snowflake"),
        ("Design a snowflake schema for reporting.", "snowflake schema", "data_modeling"),
        ("You are a special snowflake and we love it.", "snowflake", None),
    ],
    "aml_abbrev": [
        ("Deploy models on Azure ML.", "Azure ML", "azure_ml"),
        ("Azure Machine Learning (AML) pipelines.", "AML", "azure_ml"),
        ("Build AML models for transaction monitoring and KYC.", "AML", None),
        ("Experience in AML compliance.", "AML", None),
    ],
    "cv_abbrev": [
        ("Experience with CV models and NLP.", "CV", "computer_vision"),
        ("Strong background in NLP, CV or speech.", "CV", "computer_vision"),
        ("Send your CV and cover letter.", "CV", None),
        ("Please upload your CV.", "CV", None),
        ("CV and cover letter in English.", "CV", None),
    ],
    "transformers_disambiguation": [
        (
            "Fine-tune models with Hugging Face Transformers.",
            "Hugging Face Transformers",
            "hugging_face_transformers",
        ),
        ("Experience with HF Transformers and PEFT.", "HF Transformers", "hugging_face_transformers"),
        ("Familiar with Hugging Face's Transformers library.", "Transformers", "hugging_face_transformers"),
        ("Deep understanding of the transformer architecture.", "transformer architecture", "transformers"),
        ("Research on transformers and attention.", "transformers", "transformers"),
    ],
    "tf_abbrev": [
        ("Models in TF 2 and PyTorch.", "TF", "tensorflow"),
        ("Ranking with TF-IDF features.", "TF", None),
        ("Experience with TF.", "TF", "tensorflow"),
        ("- TF experience would be a plus", "TF", "tensorflow"),
        ("- You have shipped models using TF", "TF", "tensorflow"),
        ("Working knowledge of TF.", "TF", "tensorflow"),
        ("Bonus if you know TF.", "TF", "tensorflow"),
        ("Write Terraform modules; experience with TF state files.", "TF", None),
        ("- You have shipped models using MLflow, Terraform and/or TF", "TF", "tensorflow"),
        ("- Experience with TF\n- You have shipped models using Terraform", "TF", "tensorflow"),
        ("We manage infrastructure with Terraform (TF).", "TF", None),
        ("Write TF modules for our AWS accounts.", "TF", None),
        ("Our IaC is in HCL; TF experience required.", "TF", None),
        ("It's a plus if\n- Exposure to TF", "TF", "tensorflow"),
    ],
    "hf_abbrev": [
        ("Models from the HF Hub.", "HF", "hugging_face_transformers"),
        ("Low latency HF trading systems.", "HF", None),
    ],
    "url_or_email": [
        ("Questions: jobs@python.org", "python", None),
        ("See https://github.com/pytorch/pytorch for details.", "pytorch", None),
        ("Docs at www.tensorflow.org/guide.", "tensorflow", None),
        ("Read more on python.org today.", "python", None),
        ("We use fast.ai and Python.", "fast.ai", "fast_ai"),
    ],
    "negation": [
        ("No Java needed.", "Java", None),
        ("We are not a Java shop.", "Java", None),
        ("Java is not required.", "Java", None),
        ("Kubernetes experience isn't required.", "Kubernetes", None),
        ("You don't need to know Scala.", "Scala", None),
        ("Not only Python but also Java.", "Python", "python"),
        ("Python, Java and Go are required.", "Java", "java"),
        # "does not involve"; a clause after ";" that takes the stack back; "not part of this role"
        ("The job does not involve Spark; our data team owns it.", "Spark", None),
        ("Our pricing engine is written in Scala; it is being ported to Python by the core team, and you will not "
         "work on it.", "Scala", None),
        ("We are retiring our Hadoop prototypes; you will not be asked to touch them.", "Hadoop", None),
        ("Marketing reports in Power BI; that is not part of this role.", "Power BI", None),
        ("Our analysts build dashboards in Looker, and you won't need to touch it.", "Looker", None),
    ],
    "other_team": [
        ("Our analytics team uses Tableau for dashboards.", "Tableau", None),
        ("The platform team runs Kubernetes.", "Kubernetes", None),
        ("Our frontend team works in JavaScript; you will not need to.", "JavaScript", None),
        ("Our ML team uses PyTorch every day.", "PyTorch", "pytorch"),
        ("You will use Tableau to share results.", "Tableau", "tableau"),
        # written by another team; a tool kept for other people
        ("The billing services are written in Kotlin by the payments team.", "Kotlin", None),
        ("Stack: Python, Airflow, Redshift for the analysts.", "Redshift", None),
        ("Stack: Python, Airflow, Redshift for feature storage.", "Redshift", "redshift"),
        ("You will write the scoring service in Go by the end of Q1.", "Go", "go"),
    ],
    "role_noun": [
        ("We are hiring a Senior Java Developer.", "Java", None),
        ("Python engineers wanted.", "Python", None),
        ("Experience with Java and Spring.", "Java", "java"),
    ],
    "common_word": [
        ("Frontend with React and Redux.", "React", "react"),
        ("React quickly to incidents.", "React", None),
        ("Backend in Spring Boot.", "Spring Boot", "spring"),
        ("Join us this spring.", "spring", None),
    ],
    "skill_phrase": [
        ("Excellent communication and collaboration skills.", "communication", "communication"),
        ("Our mentoring program starts in week one.", "mentoring", None),
        ("We value collaboration.", "collaboration", None),
    ],
    "language_requirement": [
        ("Fluent in German and English.", "English", "english"),
        ("Please apply in English.", "English", None),
        ("Please tell us about that (in Danish or English) as well as including your CV.", "English", None),
    ],
    "testing_practice": [
        ("Version control, testing and documentation.", "testing", "software_testing"),
        ("Support HIV testing in clinics.", "testing", None),
        ("The next generation of point-of-care testing for infectious diseases.", "testing", None),
    ],
    "degree_fields": [
        ("PhD in Machine Learning, Computer Science or a related field.", "Machine Learning", None),
        (
            "MS in Statistics, Mathematics, Operations Research or a similar field.",
            "Operations Research",
            None,
        ),
        ("MS or PhD in Computer Science, Electrical Engineering, Robotics, or similar.", "Robotics", None),
        ("At Northwind Robotics, we believe great products come from small teams.", "Robotics", None),
        ("Experience in robotics and computer vision.", "robotics", "robotics"),
        ("B.S. in Computer Science, Data Science, or a related field.", "Data Science", None),
        ("3+ years of machine learning in production.", "machine learning", "machine_learning"),
        ("Experience as a machine learning engineer in production.", "machine learning", "machine_learning"),
    ],
    "as_role": [
        ("At least 2 years of experience as a data engineer.", "data engineer", "data_engineering"),
        ("Senior Data Engineer, Berlin", "Data Engineer", None),
    ],
    "machine_learning_term": [
        ("- Solid understanding of ML", "ML", "machine_learning"),
        ("- Experience applying ML in production", "ML", "machine_learning"),
        ("- Ph.D. in ML or related field", "ML", None),
        ("Join our ML team.", "ML", None),
        ("We are hiring an ML Engineer.", "ML", None),
        ("Experience with ML Ops is a plus", "ML Ops", "mlops"),
    ],
    "model_monitoring_phrase": [
        ("Build transaction monitoring models that find fraud.", "monitoring models", None),
        ("Own dashboards for monitoring models in production.", "monitoring models", "model_monitoring"),
    ],
    "git_tool": [
        ("CV not required; a GitHub link is enough.", "GitHub", None),
        ("Pull requests on GitHub and GitLab CI.", "GitHub", "git"),
    ],
    "not_degree_field": [
        ("A strong grasp of statistics and linear algebra.", "statistics", "statistics"),
        ("A degree in Computer Science, Mathematics or Statistics.", "Statistics", None),
        ("Design flows based on usage statistics and field observations.", "statistics", None),
    ],
    "c_cpp_convention": [
        ("Modern C/C++ and Python.", "C", None),
        ("Modern C/C++ and Python.", "C++", "cpp"),
        ("Knowledge of C / C++ and embedded Linux.", "C", None),
        ("Knowledge of C and C++.", "C", "c"),
    ],
    "model_verbs": [
        ("- Train and deploy yield models on Vertex AI.", "Train", "model_training"),
        ("- Train and deploy yield models on Vertex AI.", "deploy", "model_serving"),
        ("- Train entity and clause extraction models.", "Train", "model_training"),
        ("- Evaluate models with our clinical reviewers.", "Evaluate", "model_evaluation"),
        ("- Fine-tune small language models for summaries.", "Fine-tune", "transfer_learning"),
        ("You will fine-tune open-weight LLMs for support tickets.", "fine-tune", "llm_finetuning"),
        ("3+ years of experience shipping machine learning models.", "shipping", "model_serving"),
        ("3+ years of shipping machine learning models.", "machine learning models", "machine_learning"),
        ("Someone who can train models in PyTorch and also deploy them on k8s.", "deploy", "model_serving"),
        ("Monitor deployed models for drift.", "Monitor", "model_monitoring"),
        ("Quanta AI trains compact language models for banks.", "trains", None),
        ("We fine-tune open-weight LLMs for hospitals.", "fine-tune", None),
        ("You will own the platform our data scientists use to train, ship and watch models.", "ship", None),
        ("We are hiring engineers who like to ship LLM features quickly.", "ship", None),
        ("Use pre-trained models from the hub.", "trained", None),
        ("Monitor deployed models for drift.", "deployed", None),
        ("Curate training data for our models.", "training", None),
        ("About PIPPI: an Innovative Training Network on protein drugs.", "Training", None),
        ("We train models for 200 hospitals.", "train", None),
        ("Our customers deploy models on our platform.", "deploy", None),
        ("Customers use our product to train models faster.", "train", None),
        ("3+ years deploying models to production.", "deploying", "model_serving"),
        ("You've trained models on real GPUs.", "trained", "model_training"),
        ("Our models are trained on satellite images.", "trained", None),
        # session 7: adverbs after the object, neural networks, third person where the hire is the subject
        ("Deploy models together with our MLOps engineers.", "Deploy", "model_serving"),
        ("You have shipped models before.", "shipped", "model_serving"),
        ("- Train and evaluate neural networks on GPU clusters.", "evaluate", "model_evaluation"),
        ("- Train and evaluate neural networks on GPU clusters.", "Train", "model_training"),
        ("The NOC team will monitor networks and test networks at each site.", "test", None),
        ("- Develops, validates and deploys machine learning models.", "validates", "model_evaluation"),
        ("- Validates model performance, including calibration.", "Validates", "model_evaluation"),
        ("The Data Scientist II trains and evaluates models for the clinics.", "trains", "model_training"),
        ("The team trains models for our clinics.", "trains", None),
    ],
    "deploy_forms": [
        ("- Quantization-aware training and deployment to the target SoC.", "deployment", "model_serving"),
        ("Experience deploying to edge devices (Jetson or similar).", "deploying", "model_serving"),
        ("- Work with our backend team to deploy streaming recognition on CPU.", "deploy", "model_serving"),
        ("- Develops, validates and deploys machine learning models.", "deploys", "model_serving"),
        ("Vas a hacer desde el EDA hasta el despliegue en GCP.", "despliegue", "model_serving"),
        ("Our customers deploy the appliance in their own data centres.", "deploy", None),
        ("Acme deploys AI assistants to 200 hospitals.", "deploys", None),
        ("We deploy on Azure (AKS).", "deploy", None),
    ],
    "into_production": [
        ("- Take models from notebook to production and go live with them.", "Take", "model_serving"),
        ("- Develop ETA models, from exploratory analysis to production.", "production", "model_serving"),
        ("- Productionize a set of document classification models on AWS.", "Productionize", "model_serving"),
        ("- You industrialise the models: packaging in Docker, monitoring.", "industrialise", "model_serving"),
        ("Explore data in Jupyter and productionise what works.", "productionise", None),
        ("Our data scientists take models from notebook to production on our platform.", "production", None),
        ("We run three production lines in Ohio.", "production", None),
    ],
    "classification_task": [
        ("- Build intent classification and entity recognition.", "classification", "classification"),
        ("- Fine-tune models for classification or routing.", "classification", "classification"),
        ("Job classification: full-time, exempt.", "classification", None),
    ],
    "llm_agents": [
        ("We build LLM products.\n- Agents: multi-step research agents that search case law.", "agents", "ai_agents"),
        ("Our claims agents love the tool, which runs on LLMs.", "agents", None),
        ("Support our field agents with better routing models.", "agents", None),
    ],
    "llm_or_model": [
        ("We fine-tune LLMs.\n- LoRA and PEFT for domain adaptation.", "LoRA", "llm_finetuning"),
        ("- LoRA adapters for our diffusion image models.", "LoRA", "transfer_learning"),
        ("- Build evaluation harnesses for our imaging models.", "evaluation harnesses", "model_evaluation"),
        ("- Build evaluation harnesses for our LLM agents.", "evaluation harnesses", "llm_evaluation"),
    ],
    "learning_platform": [
        ("- A £1,000 personal learning budget and a Coursera licence.", "Coursera", None),
        ("Graduates also get access to Udemy Business.", "Udemy", None),
        ("- Completed courses on Coursera or edX.", "Coursera", "coursera"),
    ],
    "field_not_group": [
        ("You will join the Applied AI team, reporting to our Head of Applied AI.", "Applied AI", None),
        ("- A background in artificial intelligence and robotics.", "artificial intelligence", "artificial_intelligence"),
    ],
    "role_or_field_group": [
        ("- 2 years supporting data science or ML teams.", "data science", None),
        ("- Experience in data science.", "data science", "data_science"),
    ],
    "other_look_alikes": [
        ("You will partner with Cassandra Obi, our Chief Medical Officer.", "Cassandra", None),
        ("- Cassandra, Redis and Postgres.", "Cassandra", "cassandra"),
        ("from classic westerns to Paddy and the Pandas, the most-watched show", "Pandas", None),
        ("- Train Mask R-CNN and YOLO models.", "R", None),
        ("Keep forecasts honest with regular back-testing.", "testing", None),
        ("We replaced Luigi with Kubeflow last year.", "Luigi", None),
        ("We replaced Luigi with Kubeflow last year.", "Kubeflow", "kubeflow"),
        ("We moved our orchestration from Airflow to Dagster last year.", "Airflow", None),
        ("You will be moving our pipelines from Hadoop to Databricks.", "Hadoop", "hadoop"),
    ],
    "model_nouns": [
        ("- Build CI/CD for model training and deployment on Azure.", "deployment", "model_serving"),
        ("- Own model training, evaluation and monitoring.", "evaluation", "model_evaluation"),
        ("- Own model training, evaluation and monitoring.", "monitoring", "model_monitoring"),
        ("- Set up monitoring and alerting for models and data pipelines.", "monitoring", "model_monitoring"),
        ("- Deployment of ML models to the edge.", "Deployment", "model_serving"),
        ("- Evaluation of LLMs against our rubric.", "Evaluation", "llm_evaluation"),
        ("- Run training for new hires on our models.", "training", None),
        ("- Model training data comes from partners.", "data", None),
        ("- Model evaluation and selection.", "selection", None),
    ],
    "as_a_role": [
        ("3 years as a machine learning engineer or data scientist.", "data scientist", "data_science"),
        ("3 years as a data scientist.", "data scientist", "data_science"),
        ("Our Data Scientist team is growing.", "Data Scientist", None),
    ],
    "mentor_people": [
        ("- Mentor two junior data scientists.", "Mentor", "leadership"),
        ("- You will receive mentoring from senior staff.", "mentoring", None),
    ],
    "contains": [
        ("Deploy on AWS SageMaker.", "AWS SageMaker", "sagemaker"),
        ("Solid Bayesian statistics.", "Bayesian statistics", "bayesian_methods"),
    ],
    "data_pipelines": [
        ("- Build batch and streaming pipelines that feed our ML features.", "streaming", "streaming"),
        ("- Build batch and streaming pipelines that feed our ML features.", "pipelines", "etl"),
        ("- Build Databricks pipelines for turbine telemetry.", "pipelines", "etl"),
        ("- Kafka streaming.", "streaming", "streaming"),
        ("- Java or Scala for our streaming services.", "streaming", None),
        ("We maintain CI/CD pipelines in GitHub Actions.", "pipelines", "ci_cd"),
        ("Provide access to data and pipeline metrics for partners.", "pipeline", None),
    ],
    "documentation_phrase": [
        ("- Document everything for the client team.", "Document", "documentation"),
        ("- Keep the warehouse tidy and well documented.", "documented", "documentation"),
        ("A well documented track record of delivery.", "documented", None),
        ("Our APIs are well documented.", "documented", None),
        ("Experience with document classification and OCR.", "document", None),
    ],
    "code_quality_phrase": [
        ("- Write clean, tested Python.", "clean", "modular_coding"),
        ("- Write clean, tested Python.", "tested", "software_testing"),
        ("- Write clean, tested Python.", "Python", "python"),
        ("Clean data for the analysts.", "Clean", "data_cleaning"),
        ("Tested on real users every week.", "Tested", None),
    ],
    "concept_phrases": [
        ("- Track experiments and keep training reproducible.", "reproducible", "reproducibility"),
        ("- Docker for reproducible builds.", "reproducible", None),
        ("- Model data for analysts and for the ML team.", "Model", "data_modeling"),
        ("We store model data in S3.", "model", None),
        ("- Build models that forecast social care demand.", "forecast", "time_series"),
        ("Read the weather forecast before your commute.", "forecast", None),
        ("- Build candidate generation and ranking for playlists.", "ranking", "search_ranking"),
        ("- Recommender systems: two-tower models, retrieval, ranking.", "ranking", "search_ranking"),
        ("Partner with the go-to-market team when we launch ranking in a new city.", "ranking", None),
        ("Top ranking in the Glassdoor survey.", "ranking", None),
        ("- Build training and evaluation infrastructure for LLMs.", "infrastructure", "ml_system_design"),
        ("We are hiring a Training Infrastructure Engineer.", "Infrastructure", None),
        ("- Own ranking, from feature pipelines to online serving.", "online serving", "model_serving"),
    ],
    "common_forms": [
        # forms real postings use that a plain alias list misses (each counted over the read held-out sets)
        ("- Vision foundation models for satellite imagery.", "foundation models", None),
        ("- Annotation with CVAT or Labelbox.", "CVAT", "label_studio"),
        ("- Solid DS & Algo skills; there is a coding round.", "DS & Algo", "data_structures"),
        ("- Good statistical knowledge and an eye for bad data.", "statistical knowledge", "statistics"),
        ("- Experience with multimodal retrieval.", "multimodal", "multimodal"),
        ("- Train gradient-boosted classifiers for churn.", "gradient-boosted", "gradient_boosting"),
        ("- Run randomized experiments with the growth team.", "randomized experiments", "a_b_testing"),
        ("- Experience with multi-GPU training in PyTorch.", "multi-GPU training", "distributed_computing"),
        ("- Pretrain small speech models from scratch.", "Pretrain", "model_training"),
        ("- Work on route optimization for our delivery fleet.", "route optimization", "optimization"),
        ("- Du sprichst fließend Deutsch; Robotik-Erfahrung ist ein Plus.", "Robotik", "robotics"),
        ("- Du baust die Datenpipeline für unsere Sensordaten.", "Datenpipeline", "etl"),
        ("- Du talar flytande engelska.", "engelska", "english"),
    ],
    "leadership_phrase": [
        ("- Coach product teams on A/B testing.", "Coach product teams", "leadership"),
        ("- Mentor engineers and scientists across three teams.", "Mentor engineers", "leadership"),
        ("- Lead a team of four engineers.", "Lead a team", "leadership"),
        ("- Experience leading teams of engineers.", "leading teams", "leadership"),
        ("Twelve weeks, paid, with a mentor on the ML team.", "mentor", None),
        ("You will be part of our startup coaching team.", "coaching", None),
        ("Leading teams across Europe trust our product.", "Leading", None),
        ("Training is provided, with mentoring from senior staff.", "mentoring", None),
        ("- Lead engineers will review your code.", "Lead", None),
    ],
    "ml_discipline": [
        ("- 4+ years of ML engineering.", "ML", "machine_learning"),
        ("- 5+ years of experience in applied ML consulting.", "ML", "machine_learning"),
        ("- 2+ years of experience as a research or ML engineer.", "ML", "machine_learning"),
        ("Join our ML engineering team.", "ML", None),
        ("- Mostly backend work, some ML too.", "ML", "machine_learning"),
    ],
    "negated_use": [
        ("We don't use Spark, Kafka or Kubernetes here.", "Spark", None),
        ("We don't use Spark, Kafka or Kubernetes here.", "Kafka", None),
        ("We don't use Spark, Kafka or Kubernetes here.", "Kubernetes", None),
        ("We do not work with Hadoop.", "Hadoop", None),
        ("We moved off Redshift last year; everything lives in BigQuery.", "Redshift", None),
        ("We moved off Redshift last year; everything lives in BigQuery.", "BigQuery", "bigquery"),
        ("We migrated away from Airflow and Luigi to Dagster.", "Airflow", None),
        ("We use Spark, Kafka and Kubernetes.", "Kafka", "kafka"),
        ("You don't need Scala; we use Python.", "Python", "python"),
    ],
    "team_worked_with": [
        ("You will work closely with the data engineering team.", "data engineering", None),
        ("Partner with our Site Reliability Engineering (SRE) team on incidents.", "Site Reliability Engineering", None),
        ("Strong data engineering skills.", "data engineering", "data_engineering"),
        ("Experience in data engineering with a small team.", "data engineering", "data_engineering"),
    ],
    "grid_transformers": [
        ("Predict failures of distribution transformers from sensor data.", "transformers", None),
        ("Build transformer failure models for our grid.", "transformer", None),
        ("Experience with transformers and attention mechanisms.", "transformers", "transformers"),
    ],
    "ruby_name": [
        ("Your manager will be Ruby Chen, who runs the evals team.", "Ruby", None),
        ("Questions? Ask Ruby about the interview loop.", "Ruby", None),
        ("Backend services in Ruby and Go.", "Ruby", "ruby"),
        ("- Ruby or Python", "Ruby", "ruby"),
    ],
    "experimental_design": [
        ("Strong grounding in statistics and experimental design.", "experimental design", "a_b_testing"),
        ("Experience with Bayesian optimisation for experimental design in the lab.", "experimental design", None),
        ("Bayesian experimental design for assay planning.", "experimental design", None),
    ],
    "asked_for_by_name": [
        ("Kotlin is nice to have; Scala is a plus.", "Scala", "scala"),
        ("The design is scalable and clean.", "scalable", None),
    ],
    "mentor_one_person": [
        ("You will mentor one junior engineer.", "mentor", "leadership"),
        ("Mentor a new graduate hire in your first year.", "Mentor", "leadership"),
    ],
    "regression_method": [
        ("Solid grasp of regression and tree ensembles.", "regression", "regression"),
        ("Add regression gates to the release checklist.", "regression", None),
        ("Catch performance regression early.", "regression", None),
    ],
    "nouns_after_the_hires_verb": [
        ("- Build weekly sales forecasts for 300 stores.", "forecasts", "time_series"),
        ("Northgate forecasts river levels for insurers.", "forecasts", None),
        ("- 6+ years writing production software in Python.", "production software", "software_engineering"),
        ("- Refine prompts and tool schemas for our support agent.", "prompts", "prompt_engineering"),
        ("Users type prompts into the app.", "prompts", None),
    ],
    "fine_tuning_object": [
        ("Experience fine-tuning or distilling large language models.", "fine-tuning", "llm_finetuning"),
        ("Experience fine-tuning pretrained CNNs.", "fine-tuning", "transfer_learning"),
    ],
    "person_name_word": [
        ("Cassandra, our head of research, will interview you.", "Cassandra", None),
        ("Ask Cassandra about the role.", "Cassandra", None),
        ("Experience with Cassandra or DynamoDB.", "Cassandra", "cassandra"),
        ("We store events in Cassandra.", "Cassandra", "cassandra"),
    ],
    "apis_built": [
        ("Design and build APIs for model serving.", "APIs", "rest_api"),
        ("Our product calls OpenAI or Anthropic APIs.", "APIs", None),
        ("We reach the models through their APIs.", "APIs", None),
        ("Integrate third-party APIs into the app.", "APIs", None),
    ],
    "documentation_practice": [
        ("Partner with Model Governance on validation and documentation.", "documentation", "documentation"),
        ("See our documentation and design for details.", "documentation", None),
        ("- Documentation", "Documentation", "documentation"),
        ("- Write clear model documentation for reviewers.", "documentation", "documentation"),
        ("- Maintains documentation of analytic code.", "documentation", "documentation"),
        ("See our documentation for the API.", "documentation", None),
        ("Please attach supporting documentation to your application.", "documentation", None),
    ],
    "degree_field_parenthesis": [
        ("- MSc in a quantitative field (statistics, physics or similar).", "statistics", None),
        ("- A degree (Master or Diploma) in computer science, mathematics, statistics.", "mathematics", None),
        ("- Bac+5 (Master's or engineering school) in data science or statistics.", "data science", None),
        ("- Strong statistics (regression, experiments).", "statistics", "statistics"),
    ],
    "into_production_s7": [
        ("- 3+ years putting machine learning models into production.", "putting", "model_serving"),
        ("- Bring models to production with FastAPI.", "Bring", "model_serving"),
        ("We bring models to production within a week.", "bring", None),
        ("- Take the product to production.", "Take", None),
    ],
    "model_quality_verbs": [
        ("- Evaluate model accuracy with domain experts.", "Evaluate", "model_evaluation"),
        ("- Monitor model performance after launch.", "Monitor", "model_monitoring"),
        ("- Fine-tune and evaluate open-weight LLMs.", "evaluate", "llm_evaluation"),
        ("You build the models and own them: monitoring their performance in production.", "monitoring",
         "model_monitoring"),
        ("- Evaluate vendor proposals.", "Evaluate", None),
    ],
    "data_verbs": [
        ("You'll clean and analyse our outcome data.", "clean", "data_cleaning"),
        ("You'll clean and analyse our outcome data.", "analyse", "data_analysis"),
        ("- Analyze clickstream data to find drop-off points.", "Analyze", "data_analysis"),
        ("Our data centers are clean and quiet.", "clean", None),
        ("- Analyze the market and competitors.", "Analyze", None),
    ],
    "realtime_pipelines": [
        ("- Build batch and real-time feature pipelines.", "real-time", "streaming"),
        ("- Build batch and real-time feature pipelines.", "pipelines", "etl"),
        ("- Own everything from feature pipelines to serving.", "pipelines", None),
    ],
    "angular_framework": [
        ("Solid rigid-body kinematics (angular velocity, quaternions).", "angular", None),
        ("Frontend in Angular and TypeScript.", "Angular", "angular"),
    ],
    "git_link": [
        ("Email us with a link to your GitHub.", "GitHub", None),
        ("- Version control with GitHub.", "GitHub", "git"),
    ],
    "other_people_stack": [
        ("- Work with the engineers who write the bidder in Go and Java.", "Java", None),
        ("Our frontend is TypeScript and React, which you won't need to touch.", "TypeScript", None),
        ("Our frontend is TypeScript and React, which you won't need to touch.", "React", None),
        ("We moved our pipelines off Airflow last year.", "Airflow", None),
        ("Our Claims Data Science team uses machine learning to settle claims.", "Data Science", None),
        ("- Strong Java; you will work with engineers who care.", "Java", "java"),
    ],
    "model_test_verbs": [
        ("1. Design, train and test models for signal classification.", "test", "model_evaluation"),
        ("- Develop, validate and deploy credit risk models.", "validate", "model_evaluation"),
        ("We test our models every week.", "test", None),
        ("4. Document models and test results.", "Document", "documentation"),
    ],
    "role_or_field": [
        ("- 3 years of experience as a data scientist.", "data scientist", "data_science"),
        ("We are hiring a Data Scientist.", "Data Scientist", None),
        ("- Solid data science fundamentals.", "data science", "data_science"),
        ("- 3 years of experience as ML engineer or data scientist.", "data scientist", "data_science"),
        ("- Min. 3 years as DevOps, MLOps or Data Engineer.", "Data Engineer", "data_engineering"),
    ],
    "short_languages_coordinated": [
        ("Nice to have:\n- Rust or Go for tooling", "Go", "go"),
        ("Nice to have:\n- Rust or Go for tooling", "Rust", "rust"),
        ("- Go/Rust services", "Rust", "rust"),
        ("Let's go for a walk.", "go", None),
        ("Go, Julia or whatever you like for side projects, but production code is Python.", "Julia", None),
        ("Go, Julia or whatever you like for side projects, but production code is Python.", "Go", None),
        ("Rust for fun.", "Rust", None),
    ],
    "triton_kind": [
        ("- Write custom kernels in CUDA or Triton.", "Triton", "triton_lang"),
        ("ONNX, TensorRT and Triton for serving.", "Triton", "triton"),
    ],
    "cloud_provider": [
        ("- Certification in AWS or Azure", "AWS", "aws_certification"),
        ("- Certification in AWS or Azure", "Azure", "azure_certification"),
        ("- GCP Professional certification", "GCP", "gcp_certification"),
        ("- Monthly salary S$9,000, plus AWS (13th month) and a bonus", "AWS", None),
        ("- AWS (S3, Lambda) and a certification mindset", "AWS", "aws"),
    ],
    "cloud_noun": [
        ("- Experience with cloud (AWS or GCP)", "cloud", "cloud_computing"),
        ("We don't mind which cloud you learnt on.", "cloud", "cloud_computing"),
        ("Deploy models to the cloud.", "the cloud", "cloud_computing"),
        ("Build on dbt Cloud and a cloud warehouse.", "cloud", None),
        ("Our cloud bill is large.", "cloud", None),
    ],
    "certification_generic": [
        ("- Budget for trainings and certifications", "certifications", None),
        ("- Relevant certifications are a plus", "certifications", "certifications"),
    ],
    "look_alikes_s5": [
        ("- Team events and our famous summer bash", "bash", None),
        ("- Bash and Python scripting", "Bash", "bash"),
        ("Lumière Docs SAS is a Paris start-up.", "SAS", None),
        ("Strong SAS skills; Base SAS and SQL.", "SAS", "sas"),
        ("Our mascots are two plush pandas on the shelf.", "pandas", None),
        ("- Meal allowance of R$ 1.800 per month", "R", None),
    ],
    "degree_fields_s5": [
        ("- Completed studies in computer science, mathematics, physics or comparable", "mathematics", None),
        ("- Tertiary qualifications in Computer Science, Statistics, Econometrics or similar", "Econometrics", None),
        ("- PhD preferred, in NLP or a related area", "NLP", None),
        ("- MSc in Computer Vision or Robotics", "Computer Vision", None),
        ("- BS in Computer Science or Software Engineering", "Software Engineering", None),
        ("- Strong software engineering and NLP", "NLP", "nlp"),
    ],
    "negation_s5": [
        ("- Pair with our analytics engineers, who own dbt and the warehouse.", "dbt", None),
        ("- You won't need to touch dbt yourself.", "dbt", None),
        ("- The client's backend is written in Java and Kotlin, you will not work with it", "Kotlin", None),
        ("Some of the group work in Julia and R; you won't need either.", "Julia", None),
        ("Python backend; the TypeScript frontend belongs to someone else.", "TypeScript", None),
        ("Harborview's merchandising analysts report in Excel and Tableau.", "Tableau", None),
        ("You will work in Tableau with analysts.", "Tableau", "tableau"),
        ("We use Python; you don't need to know Rust.", "Python", "python"),
    ],
    "retired_and_others_s5": [
        ("The last of our Hadoop and Hive jobs were retired in 2025.", "Hive", None),
        ("Our legacy SAS scoring models are being decommissioned this year.", "SAS", None),
        ("No C# or Unity experience is needed for this role.", "Unity", None),
        ("No C# or Unity experience is needed for this role.", "C#", None),
        ("You will not need advanced Excel.", "Excel", None),
        ("We're a Snowflake-free shop.", "Snowflake", None),
        ("We hold an Athena SWAN Silver award.", "Athena", None),
        ("Query logs with Athena and Presto.", "Athena", "trino"),
        ("Interns may start in Spring 2027.", "Spring", None),
        ("Our CoralSDK lets customers run TensorFlow models.", "TensorFlow", None),
        ("Our data scientists build forecasting models in Prophet.", "Prophet", None),
        ("You will use PyTorch to train models for our customers.", "PyTorch", "pytorch"),
    ],
    "phrases_s5": [
        ("- Write clean, tested code and review your teammates' PRs kindly", "review", "code_review"),
        ("- Stay hands-on enough to review designs and code", "review", "code_review"),
        ("Please review our code of conduct.", "review", None),
        ("- Build features from booking and click data in BigQuery", "Build", "feature_engineering"),
        ("You will build features our customers love.", "build", None),
        ("- 7+ years in software or machine learning engineering", "software", "software_engineering"),
        ("- Experience as a software or ML engineer", "software", "software_engineering"),
        ("- 4 years in software, DevOps or data engineering", "software", "software_engineering"),
        ("We work with the software and data engineering teams.", "software", None),
    ],
    "concept_prose": [
        # leadership as work, and people the hire manages
        ("- Lead the design of our new feature platform.", "Lead", "leadership"),
        ("You have led multi-team projects end to end.", "led", "leadership"),
        ("- Line-manage three analysts and review their work.", "Line-manage", "leadership"),
        ("- Help supervise MSc students in the lab.", "supervise", "leadership"),
        ("- Mentors junior engineers on the team.", "Mentors", "leadership"),
        ("- 3+ years managing engineers.", "managing", "leadership"),
        ("- Two years in a lead role.", "lead", "leadership"),
        ("We are leading the market in payments.", "leading", None),
        ("Leading teams across Europe trust our design work.", "Leading", None),
        ("- Work with product managers and engineers.", "managers", None),
        # documentation as a verb
        ("- Document every model change for the regulator.", "Document", "documentation"),
        ("- Builds, validates and documents scoring models.", "documents", "documentation"),
        ("- Document understanding models for invoices.", "Document", None),
        ("- Extract entities from invoices and documents.", "documents", None),
        ("- You've written docs that other teams rely on.", "docs", "documentation"),
        ("Read our docs before you apply.", "docs", None),
        # research
        ("- Publish in leading venues and present at workshops.", "Publish", "research"),
        ("- Write papers for journals when results allow.", "Write", "research"),
        ("- Coursework, research or internship experience in ML.", "research", "research"),
        ("- Research and develop OCR models for receipts.", "Research", "research"),
        ("We publish ranges in the application portal.", "publish", None),
        ("We take models from papers and ship them.", "papers", None),
        ("- Publications or open-source projects.", "Publications", "research"),
        ("Attach a complete list of publications to your application.", "publications", None),
        ("The publications must be accompanied by a co-author statement.", "publications", None),
        # classification
        ("- Train models for ripeness classification from images.", "classification", "classification"),
        ("- Build models that classify incoming support tickets.", "classify", "classification"),
        ("Job classification: exempt.", "classification", None),
        ("Applicants need access to classified information.", "classified", None),
        # streaming
        ("- Experience with Kafka-based streaming at scale.", "streaming", "streaming"),
        ("- Build low-latency streaming applications.", "streaming", "streaming"),
        ("Millions watch our streaming app every week.", "streaming", None),
        ("- Optimize models for streaming speech recognition.", "streaming", None),
        # reproducibility
        ("- Keep our training runs and model registry healthy and reproducible.", "reproducible", "reproducibility"),
        ("- Document experiments so the team can reproduce them.", "reproduce", "reproducibility"),
        ("- Docker for reproducible builds.", "reproducible", None),
        # recommender systems
        ("- 3+ years in search, ranking or recommendations.", "recommendations", "recommender_systems"),
        ("- Build recommendation models for the home feed.", "recommendation", "recommender_systems"),
        ("- Experience with transformer-based recommenders.", "recommenders", "recommender_systems"),
        ("- Present recommendations to client executives.", "recommendations", None),
        ("- Turn forecasts into pricing recommendations for analysts.", "recommendations", None),
        # open source
        ("- Contribute to open-source toolkits.", "open-source", "open_source"),
        ("- A track record in open source.", "open source", "open_source"),
        ("Lumen is an open-source library for tracking datasets.", "open-source", None),
        ("- Fine-tune open-source models for extraction.", "open-source", None),
        # benchmarking and profiling
        ("- Profile and speed up distributed training jobs.", "Profile", "mlperf"),
        ("- Benchmark latency and accuracy on device.", "Benchmark", "mlperf"),
        ("- Send us your profile and a short note.", "profile", None),
        ("- A Kaggle profile or a GitHub link.", "profile", None),
        # software testing
        ("- Write tests without being asked.", "tests", "software_testing"),
        ("- Keep our SDK clean, typed and well tested.", "tested", "software_testing"),
        ("- Develop and test perception components in simulation.", "test", "software_testing"),
        ("- Good habits: tests, typing, code review.", "tests", "software_testing"),
        ("- Run statistical tests on experiment results.", "tests", None),
        ("- Develop and test models for fraud detection.", "test", "model_evaluation"),
        # code review
        ("- Write Python that is tested and reviewed before it ships.", "reviewed", "code_review"),
        ("- Review community pull requests.", "Review", "code_review"),
        ("- Write and review CUDA kernels.", "review", "code_review"),
        ("- Review model risk reports with the audit team.", "Review", None),
        # data cleaning and analysis
        ("- Clean and join messy data from three systems.", "Clean", "data_cleaning"),
        ("- Extracts, cleans and integrates data from the crash database.", "cleans", "data_cleaning"),
        ("- Collect and clean speech datasets.", "clean", "data_cleaning"),
        ("- Data extraction, cleaning and feature engineering in SQL.", "cleaning", "data_cleaning"),
        ("- Write clean, modular Python for data pipelines.", "clean", "modular_coding"),
        ("- Turn legacy code into clean, documented tables of data.", "clean", None),
        ("- Analyse farm, weather and repayment data.", "Analyse", "data_analysis"),
        ("- Analyze model performance on imbalanced data.", "Analyze", None),
        # feature engineering
        ("- Write SQL and Python to build features for the churn model.", "build", "feature_engineering"),
        ("Day to day, you'll clean data, engineer features and train models.", "engineer", "feature_engineering"),
        ("- Build features for our mobile app with the design team.", "Build", None),
        # contests, CI
        ("- Student design competitions or hackathons.", "competitions", "competitions"),
        ("The airline faces fierce competitions on its routes.", "competitions", None),
        ("- Regression suites that run in CI before every release.", "CI", "ci_cd"),
        ("- The effect was 0.4 (95% CI 0.2 to 0.6).", "CI", None),
    ],
    "research_s6": [
        ("- Publish and present your work at conferences such as Interspeech and ICASSP.", "ICASSP", "research"),
        ("- Publications at top venues such as KDD or SIGIR.", "KDD", "research"),
        # the institution's own research, as universities write it, is not asked of the hire
        ("Conducting research for a changing society: this is what drives us.", "research", None),
        ("- Co-author papers for peer-reviewed journals.", "peer-reviewed journals", "research"),
        ("Every day our R&D teams publish regularly at KDD and NeurIPS.", "KDD", None),
        ("Our researchers present at EMNLP every year.", "EMNLP", None),
        # models that predict, built by the hire; not the company's models, nor ones the hire only deploys
        ("As a Data Scientist you will build the models that predict congestion.", "predict", "predictive_modeling"),
        ("- Help improve the models that predict container arrival times.", "predict", "predictive_modeling"),
        ("- Develops and maintains models that predict readmission.", "predict", "predictive_modeling"),
        ("- Player lifetime value and churn prediction models.", "prediction", "predictive_modeling"),
        ("The AI group builds the models that predict cell-site outages.", "predict", None),
        ("You will productionize models that predict outages.", "predict", None),
        ("Acme helps hospitals predict deterioration.", "predict", None),
        # a preposition after the object keeps it the object; monitoring the hire sees to, in the passive
        ("- Define KPIs and evaluate models against ISO 26262 requirements.", "evaluate", "model_evaluation"),
        ("- You take care that our models are monitored and retrained.", "monitored", "model_monitoring"),
        ("Our models are monitored by the SRE team.", "monitored", None),
        # "ML systems" is machine learning, as "machine learning systems" is (gold in 14 read postings of 16)
        ("- 4+ yrs building ML systems that real users touch", "ML systems", "machine_learning"),
        # training as a stage of the lifecycle, not as infrastructure, a budget or a course
        ("- Own fraud models from feature engineering, training, deployment and monitoring.", "training",
         "model_training"),
        ("- From dataset curation and training through to deployment on the vehicle.", "training", "model_training"),
        ("- Build a shared training, serving and monitoring stack.", "training", None),
        ("- A yearly training budget of 1,500 EUR.", "training", None),
        # code-quality adjectives before software the hire ships
        ("- Turn prototypes into tested, versioned, documented open-source packages.", "versioned",
         "version_control"),
        ("- Turn prototypes into tested, versioned, documented open-source packages.", "documented",
         "documentation"),
    ],
}

PARAMS = [(rule, *case) for rule, cases in CASES.items() for case in cases]


@pytest.mark.parametrize(
    ("rule", "sentence", "surface", "expected"), PARAMS, ids=[f"{p[0]}:{p[1][:40]}" for p in PARAMS]
)
def test_rules_decide_ambiguous_mention(
    nlp: Language, rule: str, sentence: str, surface: str, expected: str | None
) -> None:
    found = re.search(rf"(?<!\w){re.escape(surface)}(?!\w)", sentence)
    assert found is not None, surface
    start = found.start()
    mentions = extract_posting(nlp, sentence).mentions
    at = [m for m in mentions if m.start <= start < m.end]
    if expected is None:
        assert at == [], f"{rule}: {surface!r} wrongly tagged in {sentence!r}: {at}"
    else:
        # the outermost mention there: a skill the taxonomy says it contains ("Plotly" in "Plotly Dash") nests
        outer = [m for m in at if not any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
                                          for o in at)]
        assert [m.skill_id for m in outer] == [expected], f"{rule}: {mentions}"


@pytest.mark.parametrize(
    ("sentence", "outer", "inner"),
    [
        ("LLM evaluation at scale.", ("llm_evaluation", "LLM evaluation"), ("llm", "LLM")),
        ("Bayesian statistics and causal inference.", ("bayesian_methods", "Bayesian statistics"),
         ("statistics", "statistics")),
        ("Spark MLlib on Hadoop.", ("mllib", "Spark MLlib"), ("spark", "Spark")),
    ],
)
def test_a_name_that_spells_out_another_skill_tags_both(
    nlp: Language, sentence: str, outer: tuple[str, str], inner: tuple[str, str]
) -> None:
    pairs = [(m.skill_id, m.text) for m in extract_posting(nlp, sentence).mentions]
    assert outer in pairs and inner in pairs, pairs


def test_contained_skills_are_not_tagged_from_certifications_or_unrelated_names(nlp: Language) -> None:
    # a cloud's own product is that product only, as the sample market's truth says
    pairs = [(m.skill_id, m.text) for m in extract_posting(nlp, "Deploy models on AWS SageMaker.").mentions]
    assert [p[0] for p in pairs] == ["model_serving", "sagemaker"], pairs
    pairs = [(m.skill_id, m.text) for m in extract_posting(nlp, "AWS Certified Machine Learning – Specialty.").mentions]
    assert [p[0] for p in pairs] == ["aws_certification"], pairs
    pairs = [(m.skill_id, m.text) for m in extract_posting(nlp, "Hugging Face Transformers.").mentions]
    assert [p[0] for p in pairs] == ["hugging_face_transformers"], pairs
